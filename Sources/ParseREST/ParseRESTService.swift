import APICore
import CRMStore
import GraphQLEngine

/// Parse's REST API over the store (docs/API.md "Parse REST API"): the routes of `/classes`,
/// `/users`, `/login`, `/logout`, `/sessions`, `/roles`, `/schemas`, `/batch` and friends,
/// translated to the same store calls as the GraphQL API (where translation, ACL and CLP
/// predicates, batched include loads), so both APIs read and write the same objects the same
/// way. Transport-free: the HTTP route decodes the envelope and renders the reply.
public struct ParseRESTService: Sendable {
    public let store: CRMStore
    let translation: WhereTranslation<ParseWhere>
    let limits: Limits
    /// The mount path batch sub-request paths start with (`/parse`; empty when mounted at `/`).
    let mountPath: String

    public struct Limits: Sendable {
        /// Parse's default page size.
        public var defaultLimit = 100
        /// Larger limits are capped to this (Parse's `maxLimit`).
        public var maxLimit = 1000
        /// Sub-requests of one `/batch` (the SDKs send at most 20).
        public var maxBatchRequests = 100

        public init() {}
    }

    public init(store: CRMStore, mountPath: String, limits: Limits = Limits()) {
        self.store = store
        self.translation = WhereTranslation(model: store.model, dialect: ParseWhere())
        self.limits = limits
        self.mountPath = mountPath == "/" ? "" : mountPath
    }

    /// The reply to one call; errors become Parse's error bodies.
    public func handle(_ request: RESTRequest, caller: Caller) async -> RESTReply {
        if Self.onlyReads(request) {
            return await store.reading(for: caller.access) { await answer(request, caller: caller) }
        }
        // A write keeps the caller's next reads on the primary (read-your-writes).
        store.noteWrite(by: caller.access)
        defer { store.noteWrite(by: caller.access) }
        return await answer(request, caller: caller)
    }

    /// A GET that only reads (a log-in by GET creates a session; a password check counts failures).
    static func onlyReads(_ request: RESTRequest) -> Bool {
        guard request.method == .get else { return false }
        let first = segments(request.path).first
        return first != "login" && first != "verifyPassword"
    }

    private func answer(_ request: RESTRequest, caller: Caller) async -> RESTReply {
        do {
            return try await route(request, caller: caller)
        } catch is MasterKeyRequired {
            return RESTReply(status: 403, body: .object(["error": "unauthorized: master key is required"]))
        } catch {
            return .error(ParseError(error))
        }
    }

    /// Routes that need no session lookup before they run: the token a client sends with them is
    /// ignored (Parse ignores it on `/login`; the SDK sends it with sign-up too).
    public static func ignoresSessionToken(_ request: RESTRequest) -> Bool {
        let parts = segments(request.path)
        switch (parts.first, parts.count, request.method) {
        case ("login", 1, _), ("users", 1, .post), ("health", 1, _), ("verifyPassword", 1, _), ("requestPasswordReset", 1, _):
            return true
        default:
            return false
        }
    }

    /// How many sign-ups, log-ins, password checks and password resets a request asks for,
    /// those in a `/batch` included, so the transport can rate-limit them per client before
    /// anything runs.
    public func authAttempts(_ request: RESTRequest) -> Int {
        let parts = Self.segments(request.path)
        switch (parts.first ?? "", parts.count, request.method) {
        case ("login", 1, .get), ("login", 1, .post), ("users", 1, .post), ("requestPasswordReset", 1, .post),
             ("verifyPassword", 1, .get), ("verifyPassword", 1, .post):
            return 1
        case ("classes", 2, .post) where parts[1] == ClassModel.userClassName:
            return 1
        case ("batch", 1, .post):
            guard case .list(let items)? = request.parameters["requests"] else { return 0 }
            return items.prefix(limits.maxBatchRequests).reduce(0) { count, item in
                count + ((try? subrequest(item)).map(authAttempts) ?? 0)
            }
        default:
            return 0
        }
    }

    static func segments(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    func route(_ request: RESTRequest, caller: Caller) async throws -> RESTReply {
        let parts = Self.segments(request.path)
        let method = request.method
        let parameters = request.parameters
        switch (parts.first ?? "", parts.count, method) {
        case ("classes", 2, _) where parts[1] == ClassModel.userClassName,
             ("classes", 3, _) where parts[1] == ClassModel.userClassName:
            return try await route(RESTRequest(method: method, path: "/users/" + parts.dropFirst(2).joined(separator: "/"),
                                               parameters: parameters, installationId: request.installationId), caller: caller)
        case ("classes", 2, _) where parts[1] == "_Role", ("classes", 3, _) where parts[1] == "_Role":
            return try await route(RESTRequest(method: method, path: "/roles/" + parts.dropFirst(2).joined(separator: "/"),
                                               parameters: parameters), caller: caller)
        case ("classes", 2, _) where parts[1] == "_Session", ("classes", 3, _) where parts[1] == "_Session":
            return try await route(RESTRequest(method: method, path: "/sessions/" + parts.dropFirst(2).joined(separator: "/"),
                                               parameters: parameters), caller: caller)
        case ("classes", 2, .get): return try await find(parts[1], parameters, caller: caller)
        case ("classes", 2, .post): return try await create(parts[1], parameters, caller: caller)
        case ("classes", 3, .get): return try await get(parts[1], parts[2], parameters, caller: caller)
        case ("classes", 3, .put): return try await update(parts[1], parts[2], parameters, caller: caller)
        case ("classes", 3, .delete): return try await delete(parts[1], parts[2], caller: caller)

        case ("users", 1, .get): return try await find(ClassModel.userClassName, parameters, caller: caller)
        case ("users", 1, .post): return try await signUp(parameters, installationId: request.installationId)
        case ("users", 2, .get) where parts[1] == "me": return try await me(parameters, caller: caller)
        case ("users", 2, .get): return try await get(ClassModel.userClassName, parts[1], parameters, caller: caller)
        case ("users", 2, .put): return try await update(ClassModel.userClassName, parts[1], parameters, caller: caller)
        case ("users", 2, .delete): return try await delete(ClassModel.userClassName, parts[1], caller: caller)
        case ("login", 1, .get), ("login", 1, .post): return try await logIn(parameters, installationId: request.installationId)
        case ("logout", 1, .post): return try await logOut(caller: caller)
        case ("verifyPassword", 1, .get), ("verifyPassword", 1, .post): return try await verifyPassword(parameters)
        case ("requestPasswordReset", 1, .post): return try requestPasswordReset(parameters)

        case ("sessions", 1, .get): return try await sessions(parameters, caller: caller)
        case ("sessions", 2, .get): return try await session(parts[1], caller: caller)
        case ("sessions", 2, .delete): return try await deleteSession(parts[1], caller: caller)

        case ("roles", 1, .get): return try await roles(parameters, caller: caller)
        case ("roles", 1, .post): return try await createRole(parameters, caller: caller)
        case ("roles", 2, .get): return try await role(parts[1], caller: caller)
        case ("roles", 2, .put): return try await updateRole(parts[1], parameters, caller: caller)
        case ("roles", 2, .delete): return try await deleteRole(parts[1], caller: caller)

        case ("schemas", 1...2, _): return try schemas(parts.dropFirst().first, method: method, caller: caller)
        case ("batch", 1, .post): return try await batch(parameters, caller: caller)
        case ("health", 1, .get), ("health", 1, .post): return try await health()
        case ("serverInfo", 1, .get): return try serverInfo(caller: caller)

        case ("functions", 2, _), ("jobs", 2, _):
            throw ParseError(ParseErrorCode(rawValue: 141), "Invalid function: \(StoreError.quoted(parts[1]))")
        case ("push", _, _):
            throw ParseError(ParseErrorCode(rawValue: 115), "Missing push configuration")
        default:
            throw Self.unsupported(method, request.path)
        }
    }

    /// A route DealGraph does not serve: files, installations, cloud code, config, hooks,
    /// aggregate, or no Parse route at all.
    static func unsupported(_ method: RESTMethod, _ path: String) -> ParseError {
        ParseError(.operationForbidden, "Unsupported route: \(method.rawValue) \(path)")
    }

    /// Runs `body` holding one database connection for its reads (``CRMStore/reading(_:)``).
    func reading<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        try await store.reading { () async -> Result<T, any Error> in
            do { return .success(try await body()) } catch { return .failure(error) }
        }.get()
    }

    private func health() async throws -> RESTReply {
        do {
            try await store.pool.ping()
            return RESTReply(body: .object(["status": "ok"]))
        } catch {
            return RESTReply(status: 503, body: .object(["status": "unavailable"]))
        }
    }

    private func serverInfo(caller: Caller) throws -> RESTReply {
        guard caller.access.isMaster else { throw MasterKeyRequired() }
        return RESTReply(body: .object([
            "server": "DealGraph",
            "features": .object([
                "globalConfig": .object(["create": false, "read": false, "update": false, "delete": false]),
                "hooks": .object(["create": false, "read": false, "update": false, "delete": false]),
                "cloudCode": .object(["jobs": false]),
                "logs": .object(["level": false, "size": false, "order": false, "until": false, "from": false]),
                "push": .object(["immediatePush": false, "scheduledPush": false, "storedPushData": false,
                                 "pushAudiences": false, "localization": false]),
                "schemas": .object(["addField": false, "removeField": false, "addClass": false, "removeClass": false,
                                    "clearAllDataFromClass": false, "exportClass": false, "editClassLevelPermissions": false,
                                    "editPointerPermissions": false]),
            ]),
        ]))
    }
}

/// A master-only route called without the master key: Parse answers 403
/// `{"error":"unauthorized: master key is required"}`, not a Parse error code.
struct MasterKeyRequired: Error {}
