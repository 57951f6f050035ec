// Named types from their definitions and extensions (spec 3.5-3.10).

/// A named type being made: the base schema's type it copies (nil for a type the document
/// defines), the document's nodes of it (its definition, if any, then its extensions) and the
/// new type.
struct TypeConstruction {
    let base: NamedType?
    let nodes: [TypeDefinitionNode]
    let type: NamedType
}

extension SchemaBuilder {
    /// Creates copies of the base schema's types and the document's types, then wires input
    /// fields (with their defaults), fields, interfaces and union members: those of the base
    /// schema first, then the document's. Returns the base schema's types in its order, then the
    /// document's; a definition of a standard type's name denotes the standard type, as in
    /// graphql-js.
    mutating func makeTypes() -> [NamedType] {
        var made: [TypeConstruction] = []
        var ordered: [NamedType] = []
        for type in base?.types ?? [] {
            // graphql-js keeps the specified scalars and introspection types as they are.
            guard !type.isBuiltIn else {
                ordered.append(type)
                continue
            }
            let copy = copy(type)
            types[type.name] = copy
            made.append(TypeConstruction(base: type, nodes: extensions[type.name] ?? [], type: copy))
            ordered.append(copy)
        }
        for definition in definitions where types[definition.name.value] == nil {
            let type = makeType(definition)
            types[definition.name.value] = type
            made.append(TypeConstruction(base: nil, nodes: nodes(of: definition), type: type))
            ordered.append(type)
        }
        var inputs: [String: Int] = [:]
        for construction in made {
            guard case .inputObject(let input) = construction.type else { continue }
            let inherited = inheritedInputFields(of: construction.base)
            let all = construction.nodes.flatMap { node -> [InputValueDefinitionNode] in
                if case .inputObject(let input) = node { return input.fields }
                return []
            }
            let nodes = uniqueMembers(all, \.name, existing: Set(inherited.map(\.name)), subject: { "Field \"\(input.name).\($0)\"" })
            input.define(fields: inherited + nodes.compactMap { inputValue($0, subject: "", coercingDefault: false) })
            inputs[input.name] = inherited.count
        }
        // Defaults of input fields may rely on the defaults of other input objects; arguments
        // rely on complete input objects.
        var progress: [String: Bool] = [:]
        for name in inputs.keys.sorted() { completeDefaults(of: name, inputs, &progress) }
        for construction in made {
            switch construction.type {
            case .object(let object):
                object.define(fields: fields(of: construction), interfaces: interfaces(of: construction))
            case .interface(let interface):
                interface.define(fields: fields(of: construction), interfaces: interfaces(of: construction))
            case .union(let union):
                union.define(members: members(of: construction))
            default:
                break
            }
        }
        return ordered
    }

    private mutating func makeType(_ definition: TypeDefinitionNode) -> NamedType {
        let name = definition.name.value
        let description = definition.description?.value
        let all = nodes(of: definition)
        let directives = all.flatMap(\.directives)
        switch definition {
        case .scalar(let node):
            return .scalar(ScalarType(
                name, description: description, specifiedByURL: specifiedByURL(directives), astNode: sdl(node),
                extensionASTNodes: extensionNodes(of: name)))
        case .object(let node):
            return .object(ObjectType(name, description: description, astNode: sdl(node), extensionASTNodes: extensionNodes(of: name)))
        case .interface(let node):
            return .interface(InterfaceType(
                name, description: description, astNode: sdl(node), extensionASTNodes: extensionNodes(of: name)))
        case .union(let node):
            return .union(UnionType(name, description: description, astNode: sdl(node), extensionASTNodes: extensionNodes(of: name)))
        case .enum(let node):
            return .enum(EnumType(
                name, description: description, values: enumValues(of: name, all, inheriting: []), astNode: sdl(node),
                extensionASTNodes: extensionNodes(of: name)))
        case .inputObject(let node):
            return .inputObject(InputObjectType(
                name, description: description, isOneOf: isOneOf(directives), astNode: sdl(node),
                extensionASTNodes: extensionNodes(of: name)))
        }
    }

    /// The enum values of `inherited` (the base schema's), then those of the nodes.
    mutating func enumValues(of typeName: String, _ nodes: [TypeDefinitionNode], inheriting inherited: [EnumValueDefinition]) -> [EnumValueDefinition] {
        let all = nodes.flatMap { node -> [EnumValueDefinitionNode] in
            if case .enum(let enumeration) = node { return enumeration.values }
            return []
        }
        let added = uniqueMembers(all, \.name, existing: Set(inherited.map(\.name)), subject: { "Enum value \"\(typeName).\($0)\"" })
        return inherited + added.map {
            EnumValueDefinition(
                $0.name.value, description: $0.description?.value, deprecationReason: deprecationReason($0.directives),
                astNode: sdl($0))
        }
    }

    private mutating func fields(of construction: TypeConstruction) -> [FieldDefinition] {
        let typeName = construction.type.name
        let inherited = inheritedFields(of: construction.base)
        let all = construction.nodes.flatMap { node -> [FieldDefinitionNode] in
            switch node {
            case .object(let object): object.fields
            case .interface(let interface): interface.fields
            default: []
            }
        }
        let added = uniqueMembers(all, \.name, existing: Set(inherited.map(\.name)), subject: { "Field \"\(typeName).\($0)\"" })
        return inherited + added.compactMap { node in
            guard let type = reference(node.type) else { return nil }
            let owner = "\(typeName).\(node.name.value)"
            let arguments = uniqueMembers(node.arguments, \.name, subject: { "Argument \"\(owner)(\($0):)\"" })
            return FieldDefinition(
                node.name.value, type: type, description: node.description?.value,
                arguments: arguments.compactMap { inputValue($0, subject: "Argument \"\(owner)(\($0.name.value):)\"") },
                deprecationReason: deprecationReason(node.directives), astNode: sdl(node))
        }
    }

    private mutating func interfaces(of construction: TypeConstruction) -> [InterfaceType] {
        let named = construction.nodes.flatMap { node -> [NamedTypeNode] in
            switch node {
            case .object(let object): object.interfaces
            case .interface(let interface): interface.interfaces
            default: []
            }
        }
        return inheritedInterfaces(of: construction.base) + named.compactMap { node in
            switch types[node.name.value] {
            case .interface(let interface): return interface
            case nil: reportUnknownType(node)
            case .some:
                report("Type \(construction.type.name) must only implement Interface types, it cannot implement \(node.name.value).", node.loc)
            }
            return nil
        }
    }

    private mutating func members(of construction: TypeConstruction) -> [ObjectType] {
        let named = construction.nodes.flatMap { node -> [NamedTypeNode] in
            if case .union(let union) = node { return union.types }
            return []
        }
        return inheritedMembers(of: construction.base) + named.compactMap { node in
            switch types[node.name.value] {
            case .object(let object): return object
            case nil: reportUnknownType(node)
            case .some:
                report("Union type \(construction.type.name) can only include Object types, it cannot include \(node.name.value).", node.loc)
            }
            return nil
        }
    }

    /// Coerces the defaults of input object `name`'s fields from the document (those after the
    /// `inputs[name]` it has from the base schema, whose defaults are coerced already), after
    /// those of the input objects its fields refer to (a cycle leaves the inner defaults out).
    private mutating func completeDefaults(of name: String, _ inputs: [String: Int], _ progress: inout [String: Bool]) {
        guard progress[name] == nil, let inherited = inputs[name], case .inputObject(let input)? = types[name] else { return }
        progress[name] = false
        for field in input.fields {
            if case .inputObject(let nested) = field.type.namedType { completeDefaults(of: nested.name, inputs, &progress) }
        }
        let completed = input.fields.enumerated().map { index, field -> InputValueDefinition in
            guard index >= inherited, let literal = field.astNode?.node.defaultValue else { return field }
            return field.withDefault(coerceDefault(literal, field.type, subject: "Input field \"\(name).\(field.name)\""))
        }
        input.define(fields: completed)
        progress[name] = true
    }

    /// An argument or input field; `subject` names it in messages about its default value.
    mutating func inputValue(_ node: InputValueDefinitionNode, subject: String, coercingDefault: Bool = true) -> InputValueDefinition? {
        guard let type = reference(node.type) else { return nil }
        let defaultValue = coercingDefault ? node.defaultValue.flatMap { coerceDefault($0, type, subject: subject) } : nil
        return InputValueDefinition(
            node.name.value, type: type, description: node.description?.value, defaultValue: defaultValue,
            deprecationReason: deprecationReason(node.directives), astNode: sdl(node))
    }

    private mutating func coerceDefault(_ literal: ValueNode, _ type: TypeReference, subject: String) -> GraphQLValue? {
        // A default of a non-input type is left to type-system validation, which rejects the type.
        guard type.isInputType else { return nil }
        guard let value = coerceLiteral(literal, to: type, variables: [:]) else {
            report("\(subject) has invalid default value: \(invalidLiteralMessage(literal, type))", literal.loc)
            return nil
        }
        return value
    }

    /// The schema type a type reference denotes; reports unknown names (graphql-js KnownTypeNames).
    mutating func reference(_ node: TypeNode) -> TypeReference? {
        switch node {
        case .named(let named):
            guard let type = types[named.name.value] else {
                reportUnknownType(named)
                return nil
            }
            return .named(type)
        case .list(let inner, _):
            return reference(inner).map(TypeReference.list)
        case .nonNull(let inner, _):
            return reference(inner).map(TypeReference.nonNull)
        }
    }

    /// graphql-js KnownTypeNames: "Unknown type "Dael". Did you mean "Deal"?", suggesting the
    /// standard and the document's type names.
    mutating func reportUnknownType(_ node: NamedTypeNode) {
        let name = node.name.value
        report("Unknown type \"\(name)\"." + didYouMean(suggestionList(name, types.keys.sorted())), node.loc)
    }

    /// The first node of each name, in order; each later one is reported with `message(name)` at
    /// both names, and one named as a member the base schema has (`existing`) with
    /// `existsMessage(name)` at its name.
    mutating func unique<Node>(
        _ nodes: [Node], _ name: KeyPath<Node, NameNode>, existing: Set<String> = [],
        existsMessage: (String) -> String = { _ in "" }, message: (String) -> String
    ) -> [Node] {
        var first: [String: NameNode] = [:]
        var kept: [Node] = []
        for node in nodes {
            let nameNode = node[keyPath: name]
            if existing.contains(nameNode.value) {
                report(existsMessage(nameNode.value), nameNode.loc)
            } else if let earlier = first[nameNode.value] {
                report(message(nameNode.value), earlier.loc, nameNode.loc)
            } else {
                first[nameNode.value] = nameNode
                kept.append(node)
            }
        }
        return kept
    }

    /// ``unique(_:_:existing:existsMessage:message:)`` for members of a type in graphql-js's
    /// wording, `subject(name)` naming the member ("Field "Query.a"").
    mutating func uniqueMembers<Node>(
        _ nodes: [Node], _ name: KeyPath<Node, NameNode>, existing: Set<String> = [], subject: (String) -> String
    ) -> [Node] {
        unique(nodes, name, existing: existing,
               existsMessage: { "\(subject($0)) already exists in the schema. It cannot also be defined in this type extension." },
               message: { "\(subject($0)) can only be defined once." })
    }
}

/// graphql-js's wording for a literal of the wrong type: `Expected value of type "Int!", found "x".`
func invalidLiteralMessage(_ literal: ValueNode, _ type: TypeReference) -> String {
    "Expected value of type \"\(type)\", found \(print(literal))."
}
