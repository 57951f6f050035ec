/// The type-system validation of a schema (the "Type Validation" rules of spec section 3;
/// graphql-js `validateSchema`), with graphql-js's messages. An empty result means the schema is
/// valid. For elements built from SDL the errors carry the locations graphql-js gives them (the
/// definitions, type references or directives at fault); elements made in code have none.
///
/// Rules the model enforces by construction (root types, interfaces and union members of the
/// right kinds) are reported by ``buildSchema(sdl:validate:options:)`` for SDL instead.
public func validateSchema(_ schema: GraphQLSchema) -> [GraphQLError] {
    var validation = TypeSystemValidation(schema: schema)
    validation.validateRootTypes()
    for directive in schema.directives { validation.validate(directive) }
    for type in schema.types { validation.validate(type) }
    return validation.errors()
}

/// One run of the type-system rules over a schema.
struct TypeSystemValidation {
    let schema: GraphQLSchema
    private var problems: [(message: String, positions: [SourcePosition])] = []
    /// Shared by all input objects of the schema.
    var inputCycles = InputCycleSearch()

    init(schema: GraphQLSchema) {
        self.schema = schema
    }

    /// Reports `message` at the positions known (graphql-js leaves out the nodes an element
    /// made in code does not have).
    mutating func report(_ message: String, at positions: [SourcePosition?] = []) {
        problems.append((message, positions.compactMap { $0 }))
    }

    /// The problems reported, with lines and columns.
    func errors() -> [GraphQLError] {
        SourcePosition.errors(problems)
    }

    /// Spec 3.3.1 "Root Operation Types": a query root type, and distinct root types.
    mutating func validateRootTypes() {
        guard schema.queryType != nil else {
            report("Query root type must be provided.", at: [schema.astNode?.position])
            return
        }
        let roots: [(OperationType, ObjectType)] = [
            (.query, schema.queryType), (.mutation, schema.mutationType), (.subscription, schema.subscriptionType),
        ].compactMap { operation, type in type.map { (operation, $0) } }
        var reported: Set<ObjectIdentifier> = []
        for (_, root) in roots where !reported.contains(ObjectIdentifier(root)) {
            let uses = roots.filter { $0.1 === root }.map(\.0)
            guard uses.count > 1 else { continue }
            reported.insert(ObjectIdentifier(root))
            let names = uses.map(\.rawValue)
            let joined = names.count == 2 ? names.joined(separator: " and ") : names.dropLast().joined(separator: ", ") + ", and " + names[names.count - 1]
            report("All root types must be different, \"\(root.name)\" type is used as \(joined) root types.",
                   at: uses.map(operationTypePosition))
        }
    }

    /// graphql-js `getOperationTypeNode`: the type named for `operation` by the schema
    /// definition or an extension.
    private func operationTypePosition(_ operation: OperationType) -> SourcePosition? {
        for node in [schema.astNode].compactMap({ $0 }) + schema.extensionASTNodes {
            if let declared = node.node.operationTypes.first(where: { $0.operation == operation }) {
                return node.position(of: declared.type.loc)
            }
        }
        return nil
    }

    /// Spec 3.13 "Type Validation" of directive definitions.
    mutating func validate(_ directive: DirectiveDefinition) {
        validateName(directive.name, at: directive.astNode?.position)
        for argument in directive.arguments {
            validateName(argument.name, at: argument.astNode?.position)
            // graphql-js points at the whole argument of a directive, at its type elsewhere.
            validateArgument(argument, owner: "@\(directive.name)", typePosition: argument.astNode?.position)
        }
    }

    mutating func validate(_ type: NamedType) {
        if !Introspection.isIntrospectionType(type) { validateName(type.name, at: type.definitionPosition) }
        switch type {
        case .scalar:
            break
        case .object(let object):
            validateFields(object.fields, of: type)
            validateInterfaces(object.interfaces, of: type)
        case .interface(let interface):
            validateFields(interface.fields, of: type)
            validateInterfaces(interface.interfaces, of: type)
        case .union(let union):
            validateMembers(of: union)
        case .enum(let enumeration):
            validateValues(of: enumeration)
        case .inputObject(let input):
            validateFields(of: input)
        }
    }

    /// Spec 2.1.9 "Names": names starting with `__` are reserved for introspection.
    mutating func validateName(_ name: String, at position: SourcePosition?) {
        if name.hasPrefix("__") {
            report("Name \"\(name)\" must not begin with \"__\", which is reserved by GraphQL introspection.", at: [position])
        }
    }

    /// An argument must have an input type, and may be deprecated only when it is optional.
    mutating func validateArgument(_ argument: InputValueDefinition, owner: String, typePosition: SourcePosition?) {
        if !argument.type.isInputType {
            report("The type of \(owner)(\(argument.name):) must be Input Type but got: \(argument.type).", at: [typePosition])
        }
        if argument.isRequired && argument.isDeprecated {
            report("Required argument \(owner)(\(argument.name):) cannot be deprecated.",
                   at: [argument.deprecatedPosition, argument.typePosition])
        }
    }
}

extension NamedType {
    /// Where the type's definition starts.
    var definitionPosition: SourcePosition? {
        switch self {
        case .scalar(let t): t.astNode?.position
        case .object(let t): t.astNode?.position
        case .interface(let t): t.astNode?.position
        case .union(let t): t.astNode?.position
        case .enum(let t): t.astNode?.position
        case .inputObject(let t): t.astNode?.position
        }
    }

    /// Where the type's definition and extensions start (graphql-js
    /// `[type.astNode, ...type.extensionASTNodes]`).
    var allDefinitionPositions: [SourcePosition] {
        switch self {
        case .scalar(let t): SDLNode.positions(t.astNode, t.extensionASTNodes)
        case .object(let t): SDLNode.positions(t.astNode, t.extensionASTNodes)
        case .interface(let t): SDLNode.positions(t.astNode, t.extensionASTNodes)
        case .union(let t): SDLNode.positions(t.astNode, t.extensionASTNodes)
        case .enum(let t): SDLNode.positions(t.astNode, t.extensionASTNodes)
        case .inputObject(let t): SDLNode.positions(t.astNode, t.extensionASTNodes)
        }
    }

    /// Where an object or interface type names `interfaceName` among the interfaces it
    /// implements, in its definition and extensions (graphql-js `getAllImplementsInterfaceNodes`).
    func implementsPositions(_ interfaceName: String) -> [SourcePosition] {
        switch self {
        case .object(let t): SDLNode.positions(t.astNode, t.extensionASTNodes, of: \.interfaces, named: interfaceName)
        case .interface(let t): SDLNode.positions(t.astNode, t.extensionASTNodes, of: \.interfaces, named: interfaceName)
        default: []
        }
    }
}

extension InputValueDefinition {
    /// Where the type of the argument or input field is written.
    var typePosition: SourcePosition? {
        astNode.map { $0.position(of: $0.node.type.loc) }
    }

    /// Where `@deprecated` is applied to it.
    var deprecatedPosition: SourcePosition? {
        guard let astNode, let node = astNode.node.directives.first(where: { $0.name.value == DirectiveDefinition.deprecated.name })
        else { return nil }
        return astNode.position(of: node.loc)
    }
}

extension SDLNode {
    /// Where a definition and its extensions start.
    static func positions(_ definition: SDLNode?, _ extensions: [SDLNode]) -> [SourcePosition] {
        ([definition].compactMap { $0 } + extensions).map(\.position)
    }

    /// Where a definition and its extensions name the type `name` in a list of types (implemented
    /// interfaces, union members).
    static func positions(
        _ definition: SDLNode?, _ extensions: [SDLNode], of list: KeyPath<Node, [NamedTypeNode]>, named name: String
    ) -> [SourcePosition] {
        ([definition].compactMap { $0 } + extensions).flatMap { sdl in
            sdl.node[keyPath: list].filter { $0.name.value == name }.map { sdl.position(of: $0.loc) }
        }
    }
}
