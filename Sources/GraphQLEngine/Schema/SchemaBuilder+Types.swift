// Named types from their definitions and extensions (spec 3.5-3.10).

extension SchemaBuilder {
    /// Creates the document's types, then wires input fields (with their defaults), fields,
    /// interfaces and union members. Returns the types in document order; a definition of a
    /// standard type's name denotes the standard type, as in graphql-js.
    mutating func makeTypes() -> [NamedType] {
        var made: [(definition: TypeDefinitionNode, type: NamedType)] = []
        for definition in definitions where types[definition.name.value] == nil {
            let type = makeType(definition)
            types[definition.name.value] = type
            made.append((definition, type))
        }
        var inputs: [String: TypeDefinitionNode] = [:]
        for (definition, type) in made {
            guard case .inputObject(let input) = type else { continue }
            let nodes = uniqueInputFields(of: definition)
            input.define(fields: nodes.compactMap { inputValue($0, subject: "", coercingDefault: false) })
            inputs[input.name] = definition
        }
        // Defaults of input fields may rely on the defaults of other input objects; arguments
        // rely on complete input objects.
        var progress: [String: Bool] = [:]
        for name in inputs.keys.sorted() { completeDefaults(of: name, inputs, &progress) }
        for (definition, type) in made {
            switch type {
            case .object(let object):
                object.define(fields: fields(of: definition), interfaces: interfaces(of: definition))
            case .interface(let interface):
                interface.define(fields: fields(of: definition), interfaces: interfaces(of: definition))
            case .union(let union):
                union.define(members: members(of: definition))
            default:
                break
            }
        }
        return made.map(\.type)
    }

    private mutating func makeType(_ definition: TypeDefinitionNode) -> NamedType {
        let name = definition.name.value
        let description = definition.description?.value
        let directives = nodes(of: definition).flatMap(\.directives)
        switch definition {
        case .scalar:
            return .scalar(ScalarType(name, description: description, specifiedByURL: specifiedByURL(directives)))
        case .object:
            return .object(ObjectType(name, description: description))
        case .interface:
            return .interface(InterfaceType(name, description: description))
        case .union:
            return .union(UnionType(name, description: description))
        case .enum:
            let all = nodes(of: definition).flatMap { node -> [EnumValueDefinitionNode] in
                if case .enum(let enumeration) = node { return enumeration.values }
                return []
            }
            let values = unique(all, \.name) { "Enum value \"\(name).\($0)\" can only be defined once." }.map {
                EnumValueDefinition(
                    $0.name.value, description: $0.description?.value, deprecationReason: deprecationReason($0.directives))
            }
            return .enum(EnumType(name, description: description, values: values))
        case .inputObject:
            let isOneOf = directives.contains { $0.name.value == DirectiveDefinition.oneOf.name }
            return .inputObject(InputObjectType(name, description: description, isOneOf: isOneOf))
        }
    }

    private mutating func fields(of definition: TypeDefinitionNode) -> [FieldDefinition] {
        let typeName = definition.name.value
        let all = nodes(of: definition).flatMap { node -> [FieldDefinitionNode] in
            switch node {
            case .object(let object): object.fields
            case .interface(let interface): interface.fields
            default: []
            }
        }
        return unique(all, \.name) { "Field \"\(typeName).\($0)\" can only be defined once." }.compactMap { node in
            guard let type = reference(node.type) else { return nil }
            let owner = "\(typeName).\(node.name.value)"
            let arguments = unique(node.arguments, \.name) { "Argument \"\(owner)(\($0):)\" can only be defined once." }
            return FieldDefinition(
                node.name.value, type: type, description: node.description?.value,
                arguments: arguments.compactMap { inputValue($0, subject: "Argument \"\(owner)(\($0.name.value):)\"") },
                deprecationReason: deprecationReason(node.directives))
        }
    }

    private mutating func interfaces(of definition: TypeDefinitionNode) -> [InterfaceType] {
        let named = nodes(of: definition).flatMap { node -> [NamedTypeNode] in
            switch node {
            case .object(let object): object.interfaces
            case .interface(let interface): interface.interfaces
            default: []
            }
        }
        return named.compactMap { node in
            switch types[node.name.value] {
            case .interface(let interface): return interface
            case nil: reportUnknownType(node)
            case .some:
                report("Type \(definition.name.value) must only implement Interface types, it cannot implement \(node.name.value).", node.loc)
            }
            return nil
        }
    }

    private mutating func members(of definition: TypeDefinitionNode) -> [ObjectType] {
        let named = nodes(of: definition).flatMap { node -> [NamedTypeNode] in
            if case .union(let union) = node { return union.types }
            return []
        }
        return named.compactMap { node in
            switch types[node.name.value] {
            case .object(let object): return object
            case nil: reportUnknownType(node)
            case .some:
                report("Union type \(definition.name.value) can only include Object types, it cannot include \(node.name.value).", node.loc)
            }
            return nil
        }
    }

    private mutating func uniqueInputFields(of definition: TypeDefinitionNode, reporting: Bool = true) -> [InputValueDefinitionNode] {
        let typeName = definition.name.value
        let all = nodes(of: definition).flatMap { node -> [InputValueDefinitionNode] in
            if case .inputObject(let input) = node { return input.fields }
            return []
        }
        guard reporting else { return all }
        return unique(all, \.name) { "Field \"\(typeName).\($0)\" can only be defined once." }
    }

    /// Coerces the defaults of input object `name`'s fields, after those of the input objects
    /// its fields refer to (a cycle leaves the inner defaults out).
    private mutating func completeDefaults(of name: String, _ inputs: [String: TypeDefinitionNode], _ progress: inout [String: Bool]) {
        guard progress[name] == nil, let definition = inputs[name], case .inputObject(let input)? = types[name] else { return }
        progress[name] = false
        for field in input.fields {
            if case .inputObject(let nested) = field.type.namedType { completeDefaults(of: nested.name, inputs, &progress) }
        }
        let nodes = uniqueInputFields(of: definition, reporting: false)
        let completed = input.fields.map { field -> InputValueDefinition in
            guard let node = nodes.first(where: { $0.name.value == field.name }), let literal = node.defaultValue else { return field }
            return InputValueDefinition(
                field.name, type: field.type, description: field.description,
                defaultValue: coerceDefault(literal, field.type, subject: "Input field \"\(name).\(field.name)\""),
                deprecationReason: field.deprecationReason)
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
            deprecationReason: deprecationReason(node.directives))
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
    /// both names.
    mutating func unique<Node>(_ nodes: [Node], _ name: KeyPath<Node, NameNode>, message: (String) -> String) -> [Node] {
        var first: [String: NameNode] = [:]
        var kept: [Node] = []
        for node in nodes {
            let nameNode = node[keyPath: name]
            if let earlier = first[nameNode.value] {
                report(message(nameNode.value), earlier.loc, nameNode.loc)
            } else {
                first[nameNode.value] = nameNode
                kept.append(node)
            }
        }
        return kept
    }
}

/// graphql-js's wording for a literal of the wrong type: `Expected value of type "Int!", found "x".`
func invalidLiteralMessage(_ literal: ValueNode, _ type: TypeReference) -> String {
    "Expected value of type \"\(type)\", found \(print(literal))."
}
