/// Limits and switches for `validate`.
///
/// The three limits are not part of the specification; they protect the server from documents
/// that are valid but expensive. Each is off while `nil`.
public struct ValidationOptions: Sendable, Hashable {
    /// Validation stops after this many errors and says so, as graphql-js does.
    public var maxErrors: Int
    /// The deepest nesting of fields an operation may reach after fragments are expanded.
    public var maxDepth: Int?
    /// The most fields an operation may select after fragments are expanded, counting a fragment
    /// once for every place it is spread.
    public var maxFields: Int?
    /// The most aliased fields an operation may select after fragments are expanded.
    public var maxAliases: Int?
    /// The depth allowed, whatever `maxDepth` says, to an operation whose root selects only
    /// introspection fields: such an operation reads no data, and the standard introspection
    /// query of graphql-js and graphql-core nests `ofType` 15 levels deep.
    public var introspectionDepth: Int?

    /// Creates options; by default only the error cap is set.
    public init(maxErrors: Int = 100, maxDepth: Int? = nil, maxFields: Int? = nil, maxAliases: Int? = nil,
                introspectionDepth: Int? = nil) {
        self.maxErrors = maxErrors
        self.maxDepth = maxDepth
        self.maxFields = maxFields
        self.maxAliases = maxAliases
        self.introspectionDepth = introspectionDepth
    }

    /// The depth limit of `operation`: `maxDepth`, raised to `introspectionDepth` for an operation
    /// that selects only introspection fields at its root.
    func maxDepth(of operation: OperationDefinitionNode) -> Int? {
        guard let maxDepth, let introspectionDepth, operation.selectsOnlyIntrospection else { return maxDepth }
        return max(maxDepth, introspectionDepth)
    }
}

/// Validates an executable document against a schema (spec section 5, "Validation").
///
/// Returns every error found, in document order, each with the locations of the nodes involved;
/// an empty array means the document is valid. Type-system definitions in the document are
/// reported by `ExecutableDefinitions` and otherwise ignored.
///
/// All rules run in a single walk of the document: each node is visited once with its schema
/// types known, and the rules that apply to that kind of node are called directly.
public func validate(
    schema: GraphQLSchema,
    document: DocumentNode,
    rules: [ValidationRule] = specifiedRules,
    options: ValidationOptions = ValidationOptions()
) -> [GraphQLError] {
    var context = ValidationContext(schema: schema, document: document, rules: ValidationRuleSet(rules), options: options)
    context.walkDocument()
    return context.finish()
}
