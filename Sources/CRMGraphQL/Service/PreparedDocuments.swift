import GraphQLEngine

/// The request documents seen before, parsed and validated against the API's limits, in a
/// bounded LRU cache (ARCHITECTURE.md step 3); the executor keeps each document's plans inside
/// it, so a repeated request skips parsing, validation and planning.
struct PreparedDocuments: Sendable {
    private let cache: LRUCache<String, PreparedDocument>
    private let limits: RequestLimits
    private let parseOptions: ParseOptions

    init(configuration: APIConfiguration) {
        cache = LRUCache(capacity: max(1, configuration.planCacheSize))
        limits = RequestLimits(configuration: configuration)
        parseOptions = ParseOptions(maxTokens: configuration.maxTokens)
    }

    /// The document of a request with its syntax, validation and limit errors (empty when it may
    /// run), and the operation it selects.
    func prepare(_ query: String, operationName: String?, schema: GraphQLSchema) -> (PreparedDocument, OperationDefinitionNode?) {
        // The operation name is part of the key: limits depend on the operation that runs.
        let key = operationName.map { query + "\u{0}" + $0 } ?? query
        if let cached = cache.value(for: key) {
            return (cached, RequestLimits.operation(in: cached.document, named: operationName))
        }
        let prepared: PreparedDocument
        var operation: OperationDefinitionNode?
        do {
            let document = try parse(Source(query), options: parseOptions)
            operation = RequestLimits.operation(in: document, named: operationName)
            let problems = limits.validate(document, operation: operation, schema: schema)
            prepared = PreparedDocument(document: document, errors: problems.map { RequestErrorCode.validationFailed.mark($0) })
        } catch {
            prepared = PreparedDocument(document: DocumentNode(definitions: []), errors: [RequestErrorCode.parseFailed.mark(error)])
        }
        cache.insert(prepared, for: key)
        return (prepared, operation)
    }
}

/// The `extensions.code` Parse's GraphQL server (Apollo Server) gives errors that stop a request
/// before execution (parse-graphql.md 1.4 B).
enum RequestErrorCode: String {
    case parseFailed = "GRAPHQL_PARSE_FAILED"
    case validationFailed = "GRAPHQL_VALIDATION_FAILED"
    case badUserInput = "BAD_USER_INPUT"

    func mark(_ error: GraphQLError) -> GraphQLError {
        var marked = error
        if !marked.extensions.contains(where: { $0.key == "code" }) {
            marked.extensions.append(ErrorExtension("code", .string(rawValue)))
        }
        return marked
    }
}
