import CRMStore
import GraphQLEngine

/// The API's limits, with Parse's page sizes as defaults (API.md "Limits").
public struct APIConfiguration: Sendable {
    /// Parse's default page size.
    public var defaultLimit = 100
    /// Parse's maxLimit: no page (nor `last`) is larger.
    public var maxLimit = 1000
    /// Selection depth after fragment expansion.
    public var maxDepth = 12
    /// Fields after fragment expansion (complexity).
    public var maxFields = 2_000
    public var maxAliases = 100
    /// Lexical tokens per document.
    public var maxTokens = 50_000
    /// Prepared documents kept (parsed, validated, planned).
    public var planCacheSize = 512

    public init() {}
}

/// One GraphQL request, already decoded from HTTP (or WebSocket) by the transport.
public struct GraphQLRequest: Sendable {
    public var query: String
    public var variables: Record?
    public var operationName: String?

    public init(query: String, variables: Record? = nil, operationName: String? = nil) {
        self.query = query
        self.variables = variables
        self.operationName = operationName
    }
}

/// Who is asking, resolved by the transport before GraphQL runs (`X-Parse-Session-Token` /
/// `X-Parse-Master-Key`); the token is kept for `viewer.sessionToken` and `logOut`.
public struct RequestCredentials: Sendable {
    public var access: AccessContext
    public var sessionToken: String?

    public init(access: AccessContext, sessionToken: String? = nil) {
        self.access = access
        self.sessionToken = sessionToken
    }
}

/// What the transport turns into a status code (GraphQL over HTTP).
public enum GraphQLOutcome: Sendable {
    /// Executed (possibly with field errors): 200; JSON body `{"data":..., "errors":[...]}`.
    case executed(body: [UInt8])
    /// Refused before execution: syntax/validation/limit/variable-coercion errors; body
    /// `{"errors":[...]}` (no "data"): 200 for application/json, 400 for graphql-response+json.
    case requestError(body: [UInt8])
    /// A mutation (or subscription) sent over GET: 405 with Allow: POST.
    case methodNotAllowed(body: [UInt8])
}
