import APICore
import GraphQLEngine

/// Every setting of the HTTP transport, with its documented default. `dealgraph serve` fills it
/// from flags and environment variables (README, "Configuration").
public struct ServerConfiguration: Sendable {
    /// Address to listen on (`--host`, `HOST`).
    public var host = "127.0.0.1"
    /// Port to listen on; 0 picks a free one (`--port`, `PORT`).
    public var port = 1337
    /// The application id, client key and master key requests are checked against
    /// (`--app-id`/`PARSE_APP_ID`, `--client-key`/`PARSE_CLIENT_KEY`,
    /// `--master-key`/`PARSE_MASTER_KEY`); the master key has no default.
    public var keys: APIKeys
    /// `Access-Control-Allow-Origin`: nil reflects the request's Origin (Parse's `cors()`),
    /// else one fixed origin (`--cors-origin`, `CORS_ORIGIN`).
    public var allowedOrigin: String?
    /// Largest request body accepted, in bytes; larger ones get 413 before they are read
    /// (`--max-body-bytes`, `MAX_BODY_BYTES`).
    public var maxBodyBytes = 1 << 20
    /// Deepest JSON nesting accepted in a body or in GET variables (`--max-json-depth`).
    public var maxJSONDepth = JSONReader.defaultMaxDepth
    /// Serve the playground page on GET /graphql with Accept: text/html (`--no-playground`).
    public var playground = true
    /// Where Parse's REST API is mounted (`--parse-mount`, `PARSE_MOUNT`): `/parse` as in Parse
    /// Server, or `/` for clients set up with a server URL without a path. Stored without a
    /// trailing slash (`/` is stored empty).
    public var parseMountPath = "/parse" {
        didSet { parseMountPath = Self.normalizedMount(parseMountPath) }
    }

    /// `/x/` -> `/x`, `x` -> `/x`, `/` -> empty.
    public static func normalizedMount(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.last == "/" { trimmed.removeLast() }
        while trimmed.first == "/" { trimmed.removeFirst() }
        return trimmed.isEmpty ? "" : "/" + trimmed
    }

    /// Live subscriptions one WebSocket may hold at once; another is refused with an error
    /// (`--max-subscriptions-per-socket`, `MAX_SUBSCRIPTIONS_PER_SOCKET`).
    public var maxSubscriptionsPerSocket = 100
    /// WebSockets (GraphQL and LiveQuery together) one user may hold open; one more is refused
    /// when it authenticates (`--max-sockets-per-user`, `MAX_SOCKETS_PER_USER`).
    public var maxSocketsPerUser = 50
    /// A bearer token that may read `GET /metrics` besides the master key (`--metrics-token`,
    /// `METRICS_TOKEN`); none by default.
    public var metricsToken: String?
    /// How long a graphql-transport-ws client has to send `connection_init` before the socket is
    /// closed with 4408 (graphql-ws's `connectionInitWaitTimeout`, 3 s there too).
    public var connectionInitTimeout: Duration = .seconds(3)
    /// How long a socket the server closed waits for the client's close frame.
    public var webSocketCloseTimeout: Duration = .seconds(5)

    /// Sign-ups, log-ins, password checks and resets one client address may attempt per window,
    /// over REST, GraphQL and WebSocket together; more are answered 429 (`--auth-rate-limit`,
    /// `--auth-rate-limit-window`). Off here; `dealgraph serve` turns it on.
    public var authRateLimit: RateLimit?
    /// Proxies whose `X-Forwarded-For` names the client (`--trusted-proxies`); none by default.
    public var trustedProxies = TrustedProxies.none

    /// How long a gateway told to stop answers `/health/ready` with 503 before it stops accepting
    /// connections, so that a load balancer moves traffic away first (`--drain-delay`); none by
    /// default.
    public var drainDelay: Duration = .zero

    /// Serve GET /debug/statements (SQL statements run so far) for benchmarks
    /// (`--debug-endpoints`, `DEBUG_ENDPOINTS=1`).
    public var debugEndpoints = false

    /// A configuration with the given master key and every other setting at its default.
    public init(masterKey: String) {
        self.keys = APIKeys(masterKey: masterKey)
    }
}
