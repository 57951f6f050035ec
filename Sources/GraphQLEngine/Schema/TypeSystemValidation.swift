/// The type-system validation of a schema (the "Type Validation" rules of spec section 3;
/// graphql-js `validateSchema`), with graphql-js's messages. An empty result means the schema is
/// valid. The model holds no syntax, so the errors carry no locations.
///
/// Rules the model enforces by construction (root types, interfaces and union members of the
/// right kinds) are reported by ``buildSchema(sdl:validate:options:)`` for SDL instead.
public func validateSchema(_ schema: GraphQLSchema) -> [GraphQLError] {
    var validation = TypeSystemValidation(schema: schema)
    validation.validateRootTypes()
    for directive in schema.directives { validation.validate(directive) }
    for type in schema.types { validation.validate(type) }
    return validation.errors
}

/// One run of the type-system rules over a schema.
struct TypeSystemValidation {
    let schema: GraphQLSchema
    private(set) var errors: [GraphQLError] = []
    /// Shared by all input objects of the schema.
    var inputCycles = InputCycleSearch()

    init(schema: GraphQLSchema) {
        self.schema = schema
    }

    mutating func report(_ message: String) {
        errors.append(GraphQLError(message))
    }

    /// Spec 3.3.1 "Root Operation Types": a query root type, and distinct root types.
    mutating func validateRootTypes() {
        guard schema.queryType != nil else {
            report("Query root type must be provided.")
            return
        }
        let roots: [(OperationType, ObjectType)] = [
            (.query, schema.queryType), (.mutation, schema.mutationType), (.subscription, schema.subscriptionType),
        ].compactMap { operation, type in type.map { (operation, $0) } }
        var reported: Set<ObjectIdentifier> = []
        for (_, root) in roots where !reported.contains(ObjectIdentifier(root)) {
            let uses = roots.filter { $0.1 === root }.map(\.0.rawValue)
            guard uses.count > 1 else { continue }
            reported.insert(ObjectIdentifier(root))
            let joined = uses.count == 2 ? uses.joined(separator: " and ") : uses.dropLast().joined(separator: ", ") + ", and " + uses[uses.count - 1]
            report("All root types must be different, \"\(root.name)\" type is used as \(joined) root types.")
        }
    }

    /// Spec 3.13 "Type Validation" of directive definitions.
    mutating func validate(_ directive: DirectiveDefinition) {
        validateName(directive.name)
        for argument in directive.arguments {
            validateName(argument.name)
            validateArgument(argument, owner: "@\(directive.name)")
        }
    }

    mutating func validate(_ type: NamedType) {
        if !Introspection.isIntrospectionType(type) { validateName(type.name) }
        switch type {
        case .scalar:
            break
        case .object(let object):
            validateFields(object.fields, of: object.name)
            validateInterfaces(object.interfaces, of: .object(object))
        case .interface(let interface):
            validateFields(interface.fields, of: interface.name)
            validateInterfaces(interface.interfaces, of: .interface(interface))
        case .union(let union):
            validateMembers(of: union)
        case .enum(let enumeration):
            validateValues(of: enumeration)
        case .inputObject(let input):
            validateFields(of: input)
        }
    }

    /// Spec 2.1.9 "Names": names starting with `__` are reserved for introspection.
    mutating func validateName(_ name: String) {
        if name.hasPrefix("__") {
            report("Name \"\(name)\" must not begin with \"__\", which is reserved by GraphQL introspection.")
        }
    }

    /// An argument must have an input type, and may be deprecated only when it is optional.
    mutating func validateArgument(_ argument: InputValueDefinition, owner: String) {
        if !argument.type.isInputType {
            report("The type of \(owner)(\(argument.name):) must be Input Type but got: \(argument.type).")
        }
        if argument.isRequired && argument.isDeprecated {
            report("Required argument \(owner)(\(argument.name):) cannot be deprecated.")
        }
    }
}
