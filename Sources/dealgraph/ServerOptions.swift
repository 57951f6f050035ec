import ArgumentParser
import CRMStore
import CRMGraphQL
import DealGraphServer
import Foundation
import Logging
import PostgresClient

/// The settings of `dealgraph serve`, each from a flag or else an environment variable
/// (README, "Configuration").
struct ServerOptions: ParsableArguments {
    @Option(help: "Address to listen on (env HOST, default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (env PORT, default 1337).")
    var port: Int?

    @Option(help: "Required X-Parse-Application-Id (env PARSE_APP_ID; default: not required).")
    var appId: String?

    @Option(help: "Required X-Parse-Client-Key for non-master requests (env PARSE_CLIENT_KEY; default: not required).")
    var clientKey: String?

    @Option(help: "Master key (env PARSE_MASTER_KEY; default: generated once into .dealgraph/master-key, mode 0600).")
    var masterKey: String?

    @Option(help: "Access-Control-Allow-Origin (env CORS_ORIGIN; default: the request's Origin).")
    var corsOrigin: String?

    @Option(help: "Largest request body in bytes (env MAX_BODY_BYTES, default 1048576).")
    var maxBodyBytes: Int?

    @Option(help: "Deepest JSON nesting in a body or GET variables (env MAX_JSON_DEPTH, default 64).")
    var maxJSONDepth: Int?

    @Option(help: "Live subscriptions one WebSocket may hold (env MAX_SUBSCRIPTIONS_PER_SOCKET, default 100).")
    var maxSubscriptionsPerSocket: Int?

    @Option(help: "WebSockets one user may hold open, GraphQL and LiveQuery together (env MAX_SOCKETS_PER_USER, default 50).")
    var maxSocketsPerUser: Int?

    @Option(help: "Maximum selection depth (env MAX_QUERY_DEPTH, default 12).")
    var maxDepth: Int?

    @Option(help: "Maximum selected fields after fragment expansion (env MAX_QUERY_FIELDS, default 2000).")
    var maxFields: Int?

    @Option(help: "Maximum aliases per document (env MAX_QUERY_ALIASES, default 100).")
    var maxAliases: Int?

    @Option(help: "Maximum lexical tokens per document (env MAX_QUERY_TOKENS, default 50000).")
    var maxTokens: Int?

    @Option(help: "Default page size (env DEFAULT_LIMIT, default 100).")
    var defaultLimit: Int?

    @Option(help: "Maximum page size (env MAX_LIMIT, default 1000).")
    var maxLimit: Int?

    @Option(help: "Where Parse's REST API is mounted, / included (env PARSE_MOUNT, default /parse).")
    var parseMount: String?

    @Option(help: "A bearer token that may read GET /metrics besides the master key (env METRICS_TOKEN; none by default).")
    var metricsToken: String?

    @Option(help: "Seconds a session lasts (env SESSION_LENGTH, default 31536000: one year, as Parse).")
    var sessionLength: Int?

    @Flag(help: "Let a session end sessionLength after it was created, used or not (env EXPIRE_INACTIVE_SESSIONS=0); by default a session in use is extended, as in Parse.")
    var noExpireInactiveSessions = false

    @Option(help: "Shortest password accepted on sign-up and change (env PASSWORD_MIN_LENGTH, default 8; 0: any).")
    var passwordMinLength: Int?

    @Option(help: "A regular expression a new password must match as a whole (env PASSWORD_PATTERN; none by default).")
    var passwordPattern: String?

    @Option(help: "How many of a user's latest passwords a new one may not repeat (env PASSWORD_HISTORY, default 0, at most 20).")
    var passwordHistory: Int?

    @Flag(help: "Refuse a password that contains the username (env PASSWORD_DISALLOW_USERNAME=1).")
    var passwordDisallowUsername = false

    @Option(help: "Failed logins that lock an account, also a name that is no account (env ACCOUNT_LOCKOUT_THRESHOLD, default 10; 0 turns lockout off).")
    var accountLockoutThreshold: Int?

    @Option(help: "Seconds a locked account stays locked (env ACCOUNT_LOCKOUT_DURATION, default 300).")
    var accountLockoutDuration: Int?

    @Option(help: "Log-ins, sign-ups, password checks and resets one client address may attempt per window, over every API; more get 429 (env AUTH_RATE_LIMIT, default 30; 0 turns the limit off).")
    var authRateLimit: Int?

    @Option(help: "Seconds of the auth rate limit's window (env AUTH_RATE_LIMIT_WINDOW, default 60).")
    var authRateLimitWindow: Int?

    @Option(help: "Comma-separated proxy addresses or networks (10.0.0.0/8) whose X-Forwarded-For names the client (env TRUSTED_PROXIES; none by default).")
    var trustedProxies: String?

    @Option(help: "Seconds a gateway told to stop answers /health/ready with 503 before it stops accepting connections (env DRAIN_DELAY, default 0).")
    var drainDelay: Int?

    @Option(help: "Which GraphQL documents run: automatic (any; Apollo's automatic persisted queries) or allow-list (only registered ones, except for the master key) (env PERSISTED_QUERIES, default automatic).")
    var persistedQueries: String?

    @Option(help: "A folder of .graphql files registered as persisted documents at start (env DOCUMENTS_DIR).")
    var documentsDir: String?

    @Option(help: "Comma-separated postgres:// URLs of streaming replicas that serve reads (env DATABASE_REPLICA_URLS; none by default).")
    var replicaUrls: String?

    @Option(help: "Seconds of replay lag past which a replica leaves rotation (env REPLICA_MAX_LAG, default 5).")
    var replicaMaxLag: Int?

    @Option(help: "Seconds after a user's write during which their reads go to the primary (env READ_YOUR_WRITES_WINDOW, default 5).")
    var readYourWritesWindow: Int?

    @Flag(help: "Do not serve the playground page (env PLAYGROUND=0).")
    var noPlayground = false

    @Option(help: "Folder for generated secrets (env DEALGRAPH_SECRETS_DIR, default .dealgraph).")
    var secretsDir: String?

    private var environment: [String: String] { ProcessInfo.processInfo.environment }

    private func integer(_ flag: Int?, _ name: String, _ fallback: Int) throws -> Int {
        if let flag { return flag }
        guard let text = environment[name], !text.isEmpty else { return fallback }
        guard let value = Int(text), value >= 0 else { throw ValidationError("\(name) must be a non-negative integer") }
        return value
    }

    private func text(_ flag: String?, _ name: String) throws -> String? {
        try flag ?? Environment.text(name)
    }

    var secretsFolder: String { get throws { try text(secretsDir, "DEALGRAPH_SECRETS_DIR") ?? ".dealgraph" } }

    /// The transport settings; the master key is read from its file or generated there when
    /// neither the flag nor the environment gives one.
    func serverConfiguration(logger: Logger) throws -> ServerConfiguration {
        let key: String
        if let given = try text(masterKey, "PARSE_MASTER_KEY") {
            key = given
        } else {
            let path = (try secretsFolder as NSString).appendingPathComponent("master-key")
            let (secret, created) = try SecretFile.loadOrCreate(at: path)
            logger.notice("\(created ? "generated a master key" : "using the master key") in \(path) (owner-only permissions)")
            key = secret
        }
        var configuration = ServerConfiguration(masterKey: key)
        configuration.host = try text(host, "HOST") ?? configuration.host
        configuration.port = try integer(port, "PORT", configuration.port)
        configuration.keys.applicationId = try text(appId, "PARSE_APP_ID")
        configuration.keys.clientKey = try text(clientKey, "PARSE_CLIENT_KEY")
        configuration.allowedOrigin = try text(corsOrigin, "CORS_ORIGIN")
        configuration.maxBodyBytes = try integer(maxBodyBytes, "MAX_BODY_BYTES", configuration.maxBodyBytes)
        configuration.maxJSONDepth = try integer(maxJSONDepth, "MAX_JSON_DEPTH", configuration.maxJSONDepth)
        configuration.maxSubscriptionsPerSocket = try integer(maxSubscriptionsPerSocket, "MAX_SUBSCRIPTIONS_PER_SOCKET",
                                                              configuration.maxSubscriptionsPerSocket)
        configuration.maxSocketsPerUser = try integer(maxSocketsPerUser, "MAX_SOCKETS_PER_USER", configuration.maxSocketsPerUser)
        configuration.metricsToken = try text(metricsToken, "METRICS_TOKEN")
        configuration.playground = !noPlayground && environment["PLAYGROUND"] != "0"
        configuration.parseMountPath = try text(parseMount, "PARSE_MOUNT") ?? configuration.parseMountPath
        configuration.drainDelay = .seconds(try integer(drainDelay, "DRAIN_DELAY", 0))
        let attempts = try integer(authRateLimit, "AUTH_RATE_LIMIT", 30)
        let window = try integer(authRateLimitWindow, "AUTH_RATE_LIMIT_WINDOW", 60)
        configuration.authRateLimit = attempts == 0 ? nil : RateLimit(requests: attempts, window: .seconds(max(1, window)))
        if let list = try text(trustedProxies, "TRUSTED_PROXIES") {
            guard let proxies = TrustedProxies(list: list) else {
                throw ValidationError("TRUSTED_PROXIES must list IP addresses or networks such as 10.0.0.0/8")
            }
            configuration.trustedProxies = proxies
        }
        return configuration
    }

    /// The read replicas and their rotation settings, into `configuration`.
    func replicas(into configuration: inout GatewayConfiguration) throws {
        if let list = try text(replicaUrls, "DATABASE_REPLICA_URLS") {
            configuration.replicas = try list.split(separator: ",").map { url in
                do {
                    return try PostgresConfiguration(url.trimmingCharacters(in: .whitespaces))
                } catch {
                    throw ValidationError("DATABASE_REPLICA_URLS: not a PostgreSQL URL or conninfo")
                }
            }
        }
        configuration.replicaOptions.maxLag = .seconds(try integer(replicaMaxLag, "REPLICA_MAX_LAG", 5))
        configuration.replicaOptions.readYourWritesWindow = .seconds(try integer(readYourWritesWindow, "READ_YOUR_WRITES_WINDOW", 5))
    }

    /// Session lifetime and whether use extends it, into `options`.
    func sessions(into options: inout StoreOptions) throws {
        let seconds = try integer(sessionLength, "SESSION_LENGTH", Int(options.sessionLength.components.seconds))
        guard seconds > 0 else { throw ValidationError("SESSION_LENGTH must be positive") }
        options.sessionLength = .seconds(seconds)
        options.expireInactiveSessions = !noExpireInactiveSessions && environment["EXPIRE_INACTIVE_SESSIONS"] != "0"
    }

    /// The password policy; with the defaults, a minimum length of 8 only.
    func passwordPolicy() throws -> StoreOptions.PasswordPolicy? {
        let pattern = try text(passwordPattern, "PASSWORD_PATTERN")
        if let pattern, (try? NSRegularExpression(pattern: pattern)) == nil { throw ValidationError("PASSWORD_PATTERN is not a regular expression") }
        let policy = StoreOptions.PasswordPolicy(
            minimumLength: try integer(passwordMinLength, "PASSWORD_MIN_LENGTH", 8), pattern: pattern,
            doNotAllowUsername: passwordDisallowUsername || environment["PASSWORD_DISALLOW_USERNAME"] == "1",
            history: try integer(passwordHistory, "PASSWORD_HISTORY", 0))
        return policy.minimumLength == 0 && policy.pattern == nil && !policy.doNotAllowUsername && policy.history == 0 ? nil : policy
    }

    /// Account lockout, on by default (10 failed logins lock for 5 minutes); nil when turned off.
    func accountLockout() throws -> StoreOptions.AccountLockout? {
        let threshold = try integer(accountLockoutThreshold, "ACCOUNT_LOCKOUT_THRESHOLD", 10)
        let seconds = try integer(accountLockoutDuration, "ACCOUNT_LOCKOUT_DURATION", 300)
        guard threshold > 0 else { return nil }
        guard seconds > 0 else { throw ValidationError("ACCOUNT_LOCKOUT_DURATION must be positive") }
        return StoreOptions.AccountLockout(threshold: threshold, duration: .seconds(seconds))
    }

    /// The API limits (APIConfiguration), from flags or environment.
    func apiConfiguration() throws -> APIConfiguration {
        var configuration = APIConfiguration()
        configuration.maxDepth = try integer(maxDepth, "MAX_QUERY_DEPTH", configuration.maxDepth)
        configuration.maxFields = try integer(maxFields, "MAX_QUERY_FIELDS", configuration.maxFields)
        configuration.maxAliases = try integer(maxAliases, "MAX_QUERY_ALIASES", configuration.maxAliases)
        configuration.maxTokens = try integer(maxTokens, "MAX_QUERY_TOKENS", configuration.maxTokens)
        configuration.defaultLimit = try integer(defaultLimit, "DEFAULT_LIMIT", configuration.defaultLimit)
        configuration.maxLimit = try integer(maxLimit, "MAX_LIMIT", configuration.maxLimit)
        if let mode = try text(persistedQueries, "PERSISTED_QUERIES") {
            guard let parsed = PersistedDocuments.Mode(rawValue: mode) else {
                throw ValidationError("PERSISTED_QUERIES must be automatic or allow-list")
            }
            configuration.documents = parsed
        }
        if let folder = try text(documentsDir, "DOCUMENTS_DIR") {
            configuration.registeredDocuments = try Self.documents(in: folder)
        }
        return configuration
    }

    /// The texts of the `.graphql` files in `folder` (not its subfolders), as they are: the hash a
    /// client sends is of the exact text.
    static func documents(in folder: String) throws -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".graphql") }.sorted()
        } catch {
            throw ValidationError("DOCUMENTS_DIR: cannot read the folder \(folder)")
        }
        return try names.map { name in
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw ValidationError("DOCUMENTS_DIR: cannot read \(path) as UTF-8")
            }
            return text
        }
    }
}
