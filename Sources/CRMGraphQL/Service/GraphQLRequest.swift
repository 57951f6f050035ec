import GraphQLEngine

/// One GraphQL request, as every transport hands it to ``CRMGraphQLService``: the parameters
/// of the GraphQL-over-HTTP specification (from a POST body or a GET query string) or of a
/// graphql-transport-ws `subscribe` message.
public struct GraphQLRequest: Sendable {
    /// The document text.
    public var query: String
    /// The variables object, when one was sent.
    public var variables: Record?
    /// The operation to run, when named.
    public var operationName: String?
    /// The extensions object, when one was sent.
    public var extensions: Record?
    /// `extensions.persistedQuery.sha256Hash`: the document is persisted under this hash, and
    /// `query` may be empty (``PersistedDocuments``).
    public var persistedHash: String?
    /// Only a query may run (GraphQL over HTTP with GET); anything else is
    /// ``GraphQLOutcome/methodNotAllowed(body:)``.
    public var queriesOnly: Bool

    public init(query: String, variables: Record? = nil, operationName: String? = nil, extensions: Record? = nil,
                persistedHash: String? = nil, queriesOnly: Bool = false) {
        self.query = query
        self.persistedHash = persistedHash
        self.variables = variables
        self.operationName = operationName
        self.extensions = extensions
        self.queriesOnly = queriesOnly
    }
}

/// What became of a request, as a transport needs it to answer (GraphQL over HTTP picks the
/// status code from the case); each body is a complete JSON response.
public enum GraphQLOutcome: Sendable {
    /// Executed, possibly with field errors: `{"data":...,"errors":[...]}`.
    case executed(body: [UInt8])
    /// Refused before execution (syntax, validation, limits, variable coercion): `{"errors":[...]}`
    /// with no `data`.
    case requestError(body: [UInt8])
    /// Not a query, sent where only queries may run.
    case methodNotAllowed(body: [UInt8])
    /// Executed, but the database was away (an error with code 100): worth retrying shortly
    /// (HTTP 503 with `Retry-After`); the body is the response as executed.
    case unavailable(body: [UInt8])

    /// The JSON body.
    public var body: [UInt8] {
        switch self {
        case .executed(let body), .requestError(let body), .methodNotAllowed(let body), .unavailable(let body): body
        }
    }
}

/// The `extensions.code` Parse's GraphQL server (Apollo Server) gives errors that stop a request
/// before execution.
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

    /// `{"errors":[...]}` with every error marked.
    func body(_ errors: [GraphQLError]) -> [UInt8] {
        GraphQLResponse(requestErrors: errors.map(mark)).json
    }
}
