import GraphQLEngine

/// One GraphQL-over-HTTP request after the transport decoded it (from a POST body or a GET
/// query string): the parameters of the GraphQL-over-HTTP specification.
public struct GraphQLHTTPRequest: Sendable {
    /// The document text (`query`, required).
    public var query: String
    /// The variables object, when one was sent.
    public var variables: Record?
    /// The operation to run, when named.
    public var operationName: String?
    /// The extensions object, when one was sent (accepted and passed on; nothing reads it yet).
    public var extensions: Record?

    public init(query: String, variables: Record? = nil, operationName: String? = nil, extensions: Record? = nil) {
        self.query = query
        self.variables = variables
        self.operationName = operationName
        self.extensions = extensions
    }
}

/// What the GraphQL layer made of a request, as the transport needs it to pick a status code.
public enum GraphQLHTTPOutcome: Sendable {
    /// Executed, possibly with field errors: `{"data":...,"errors":[...]}`.
    case executed(body: [UInt8])
    /// Refused before execution (syntax, validation, limits, variable coercion): `{"errors":[...]}`.
    case requestError(body: [UInt8])
    /// A mutation sent over GET.
    case methodNotAllowed(body: [UInt8])
}

/// The session token of `X-Parse-Session-Token` did not resolve to a live session, or the
/// session could not be looked up at all (`isInternal`: the database failed).
public struct SessionRejected: Error, Sendable {
    /// Parse's message: "Invalid session token" or "Session token is expired.".
    public var message: String
    /// True when the lookup failed for a reason that is not the client's (answered with 500).
    public var isInternal: Bool
    public init(message: String = "Invalid session token", isInternal: Bool = false) {
        self.message = message
        self.isInternal = isInternal
    }
}

/// What the HTTP transport needs from the layers below it: who is asking, and running an
/// operation for them. ``CRMBackend`` is the real one; the transport knows nothing of the CRM.
public protocol GraphQLBackend: Sendable {
    /// The resolved caller (an access context and the token it came from).
    associatedtype Caller: Sendable

    /// Resolves the caller: master when `isMaster`, else the session of `sessionToken` (nil or
    /// empty means anonymous). Throws ``SessionRejected`` for an invalid or expired token.
    func caller(sessionToken: String?, isMaster: Bool) async throws(SessionRejected) -> Caller

    /// Runs one request; `allowMutations` is false for GET.
    func execute(_ request: GraphQLHTTPRequest, caller: Caller, allowMutations: Bool) async -> GraphQLHTTPOutcome
}
