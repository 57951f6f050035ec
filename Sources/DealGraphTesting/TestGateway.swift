import APICore
import CRMGraphQL
import CRMStore
import DealGraphServer
import Foundation
import GraphQLEngine
import PostgresClient
import Synchronization

/// One DealGraph for a test: built by the composition root (``Gateway``) on a fresh database of
/// the test cluster, with small factories for users and objects written through the store, as a
/// client's requests would write them. ``run(_:configure:_:)`` closes everything it opened (the
/// store's listener, the pool, the database itself, and whatever was handed to
/// ``closeWhenDone(_:)``) when the body ends, returning or throwing.
public final class TestGateway: Sendable {
    public let gateway: Gateway
    public let database: TestDatabase

    public var store: CRMStore { gateway.store }
    public var pool: PostgresPool { gateway.pool }
    public var service: CRMGraphQLService { gateway.service }

    /// The configuration tests start from: bcrypt at its cheapest cost, a random master key, a
    /// free port, four pooled connections.
    public static func defaultConfiguration() throws -> GatewayConfiguration {
        var server = ServerConfiguration(masterKey: "test-master-key-\(UInt64.random(in: 0...UInt64.max))")
        server.port = 0
        var configuration = GatewayConfiguration(server: server, model: try .bundled())
        configuration.store.bcryptCost = 4
        configuration.poolSize = 4
        return configuration
    }

    /// Runs `body` with a new gateway, closing it afterwards.
    public static func run<T>(
        _ prefix: String, configure: (inout GatewayConfiguration) throws -> Void = { _ in },
        _ body: (TestGateway) async throws -> T
    ) async throws -> T {
        let stack = try await open(prefix, configure: configure)
        return try await scoped({ try await body(stack) }, close: stack.close)
    }

    /// A new gateway on a new database; ``close()`` it when done (``run(_:configure:_:)`` does).
    public static func open(_ prefix: String, configure: (inout GatewayConfiguration) throws -> Void = { _ in })
        async throws -> TestGateway
    {
        var configuration = try defaultConfiguration()
        try configure(&configuration)
        let database = try await TestCluster.database(prefix)
        do {
            let gateway = try await Gateway.open(database: database.configuration, configuration: configuration)
            return TestGateway(gateway: gateway, database: database)
        } catch {
            await database.drop()
            throw error
        }
    }

    private let closers = Mutex<[@Sendable () async -> Void]>([])

    private init(gateway: Gateway, database: TestDatabase) {
        self.gateway = gateway
        self.database = database
    }

    /// Has ``close()`` run `closer` first, before the gateway closes: for what a test opens on
    /// the gateway's pool besides the gateway (another store instance, a listener). Closers run
    /// last registered first.
    public func closeWhenDone(_ closer: @escaping @Sendable () async -> Void) {
        closers.withLock { $0.append(closer) }
    }

    /// Runs the registered closers, closes the gateway and drops its database.
    public func close() async {
        let closers = closers.withLock { closers in
            defer { closers = [] }
            return closers
        }
        for closer in closers.reversed() { await closer() }
        await gateway.close()
        await database.drop()
    }

    // MARK: Factories

    /// A signed-up user with a live session.
    public struct User: Sendable {
        public let id: String
        public let token: String
        public let access: AccessContext
        /// The caller of a request carrying the user's session token.
        public var caller: Caller { Caller(access: access, sessionToken: token) }
        /// The user's Relay global id.
        public var globalId: String { DealGraphTesting.globalId("_User", id) }
    }

    /// Signs a user up (password `pw-<name>`, email `<name>@example.com`).
    public func user(_ name: String) async throws -> User {
        let result = try await store.signUp(username: name, password: "pw-\(name)", email: "\(name)@example.com")
        return User(id: result.user.objectId, token: result.sessionToken,
                    access: try await store.resolveSession(token: result.sessionToken))
    }

    /// A signed-up user holding the Admin role (the role is created on first use).
    public func admin(_ name: String) async throws -> User {
        let created = try await user(name)
        do {
            try await store.createRole(name: "Admin", users: [created.id], context: .master)
        } catch {
            try await store.updateRole(name: "Admin", addUsers: [created.id], context: .master)
        }
        return User(id: created.id, token: created.token, access: try await store.resolveSession(token: created.token))
    }

    /// Creates an object through the store; returns its objectId.
    @discardableResult
    public func object(_ className: String, _ fields: [String: FieldValue], acl: ACL? = nil,
                       as access: AccessContext) async throws -> String {
        try await store.create(className: className, fields: fields.mapValues { .set($0) }, acl: acl, context: access).objectId
    }

    // MARK: GraphQL

    /// Runs a GraphQL request through the service, as a transport would; `kind` is the outcome
    /// (`executed`, `requestError` or `methodNotAllowed`), `json` its parsed body.
    public func graphQL(_ query: String, variables: Record? = nil, operationName: String? = nil, as caller: Caller,
                        queriesOnly: Bool = false) async throws -> (kind: String, json: JSONTree) {
        let request = GraphQLRequest(query: query, variables: variables, operationName: operationName, queriesOnly: queriesOnly)
        let outcome = await service.execute(request, caller: caller)
        let kind = switch outcome {
        case .executed: "executed"
        case .unavailable: "unavailable"
        case .requestError: "requestError"
        case .methodNotAllowed: "methodNotAllowed"
        }
        return (kind, try JSONTree(bytes: outcome.body))
    }

    /// Runs a request that must execute and returns its JSON; throws when it was refused.
    public func query(_ query: String, variables: Record? = nil, as caller: Caller) async throws -> JSONTree {
        let outcome = try await graphQL(query, variables: variables, as: caller)
        guard outcome.kind == "executed" else { throw TestFailure("refused (\(outcome.kind)): \(outcome.json)") }
        return outcome.json
    }

    // MARK: HTTP

    /// The gateway's HTTP application on a free loopback port; the caller stops it.
    public func startServer() async throws -> TestServer {
        try await TestServer.start(gateway)
    }

    /// Runs `body` with the gateway's HTTP application on a free loopback port, stopping it
    /// afterwards (gracefully, as on SIGTERM).
    public func withServer<T>(_ body: (TestServer) async throws -> T) async throws -> T {
        let server = try await startServer()
        return try await scoped({ try await body(server) }, close: server.stop)
    }
}

/// A Relay global id as clients see it.
public func globalId(_ className: String, _ objectId: String) -> String {
    Data("\(className):\(objectId)".utf8).base64EncodedString()
}

/// A test precondition that did not hold.
public struct TestFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
