import Synchronization

/// An operation compiled against a schema (spec 6.1 ExecuteRequest up to the root selection):
/// the tree of selections every request of this operation walks. Immutable and shared.
public final class ExecutionPlan: Sendable {
    /// The schema the plan was compiled against.
    public let schema: GraphQLSchema
    /// The operation.
    public let operation: OperationDefinitionNode
    /// The root type of the operation's kind.
    public let rootType: ObjectType
    /// The root selection.
    public let root: SelectionPlan
    /// The document text, for error locations.
    let source: Source
    /// The variables `@skip`/`@include` read while planning, with their values: the plan serves
    /// another request only when these are the same.
    let conditionVariables: [String: GraphQLValue?]

    init(schema: GraphQLSchema, operation: OperationDefinitionNode, rootType: ObjectType, root: SelectionPlan,
         source: Source, conditionVariables: [String: GraphQLValue?]) {
        self.schema = schema
        self.operation = operation
        self.rootType = rootType
        self.root = root
        self.source = source
        self.conditionVariables = conditionVariables
    }

    /// Plans `operation` of a document for requests with these (coerced) variables.
    static func compile(
        schema: GraphQLSchema,
        operation: OperationDefinitionNode,
        fragments: [String: FragmentDefinitionNode],
        variables: [String: GraphQLValue],
        source: Source
    ) -> Result<ExecutionPlan, GraphQLError> {
        guard let rootType = schema.rootType(for: operation.operation) else {
            return .failure(GraphQLError("Schema is not configured to execute \(operation.operation.rawValue) operation.",
                                         at: [operation.loc], in: source))
        }
        var builder = PlanBuilder(schema: schema, fragments: fragments, variables: variables, source: source)
        let root = builder.plan([operation.selectionSet], on: rootType)
        if let error = builder.conditionError { return .failure(error) }
        return .success(ExecutionPlan(schema: schema, operation: operation, rootType: rootType, root: root,
                                      source: source, conditionVariables: builder.conditionVariables))
    }

    /// Whether this plan is the one `variables` would produce.
    func fits(_ variables: [String: GraphQLValue]) -> Bool {
        conditionVariables.allSatisfy { name, value in variables[name] == value }
    }
}

/// A parsed and validated document with the plans of its operations, as the executor caches it:
/// keyed by document text, so a repeated request skips parsing, validation and planning.
public final class PreparedDocument: Sendable {
    /// The document; empty when it did not parse.
    public let document: DocumentNode
    /// Syntax or validation errors; a document with errors is not executed.
    public let errors: [GraphQLError]
    /// True when `errors` is the syntax error of a text that did not parse (else they are
    /// validation errors).
    public let parseFailed: Bool
    let fragments: [String: FragmentDefinitionNode]
    private let plans = Mutex<[String: [ExecutionPlan]]>([:])
    /// At most this many plans per operation (one per combination of `@skip`/`@include` values).
    private static let plansPerOperation = 8

    /// A prepared document; `errors` are the syntax (`parseFailed`) or validation errors found.
    public init(document: DocumentNode, errors: [GraphQLError] = [], parseFailed: Bool = false) {
        self.document = document
        self.errors = errors
        self.parseFailed = parseFailed
        var fragments: [String: FragmentDefinitionNode] = [:]
        for case .fragment(let fragment) in document.definitions where fragments[fragment.name.value] == nil {
            fragments[fragment.name.value] = fragment
        }
        self.fragments = fragments
    }

    /// The cached plan of `operation` for these variables, compiled on first use.
    func plan(
        for operation: OperationDefinitionNode,
        schema: GraphQLSchema,
        variables: [String: GraphQLValue]
    ) -> Result<ExecutionPlan, GraphQLError> {
        let key = operation.name?.value ?? ""
        if let cached = plans.withLock({ $0[key]?.first { $0.fits(variables) } }), cached.schema === schema {
            return .success(cached)
        }
        let result = ExecutionPlan.compile(schema: schema, operation: operation, fragments: fragments,
                                           variables: variables, source: document.source)
        if case .success(let plan) = result {
            plans.withLock { plans in
                if plans[key, default: []].count < Self.plansPerOperation { plans[key, default: []].append(plan) }
            }
        }
        return result
    }

    /// Spec 6.1 GetOperation, with graphql-js's messages.
    public func operation(named name: String?) -> Result<OperationDefinitionNode, GraphQLError> {
        var found: OperationDefinitionNode?
        for case .operation(let operation) in document.definitions {
            if let name {
                if operation.name?.value == name {
                    found = operation
                    break
                }
            } else {
                if found != nil {
                    return .failure(GraphQLError("Must provide operation name if query contains multiple operations."))
                }
                found = operation
            }
        }
        guard let found else {
            if let name { return .failure(GraphQLError("Unknown operation named \"\(name)\".")) }
            return .failure(GraphQLError("Must provide an operation."))
        }
        return .success(found)
    }
}
