import GraphQLEngine

/// The limits of API.md applied as validation rules, before any resolver (and so any SQL) runs.
struct RequestLimits: Sendable {
    let configuration: APIConfiguration

    /// The depth of the standard introspection query (graphql-js and graphql-core nest
    /// `ofType` that deep); tools need it whatever the configured depth.
    static let introspectionDepth = 15

    /// Spec section 5 validation plus the depth, field and alias limits. An operation that
    /// selects only introspection fields reads no data and may nest as deep as the standard
    /// introspection query.
    func validate(_ document: DocumentNode, operation: OperationDefinitionNode?, schema: GraphQLSchema) -> [GraphQLError] {
        var depth = configuration.maxDepth
        if let operation, Self.isIntrospectionOnly(operation) { depth = max(depth, Self.introspectionDepth) }
        let options = ValidationOptions(maxDepth: depth, maxFields: configuration.maxFields,
                                        maxAliases: configuration.maxAliases)
        return GraphQLEngine.validate(schema: schema, document: document, options: options)
    }

    static func isIntrospectionOnly(_ operation: OperationDefinitionNode) -> Bool {
        operation.selectionSet.selections.allSatisfy { selection in
            if case .field(let field) = selection { return field.name.value.hasPrefix("__") }
            return false
        }
    }

    /// Spec 6.1 GetOperation: the operation a request runs; nil when it names none.
    static func operation(in document: DocumentNode, named name: String?) -> OperationDefinitionNode? {
        var found: OperationDefinitionNode?
        for case .operation(let operation) in document.definitions {
            if let name {
                if operation.name?.value == name { return operation }
            } else {
                if found != nil { return nil }
                found = operation
            }
        }
        return found
    }
}
