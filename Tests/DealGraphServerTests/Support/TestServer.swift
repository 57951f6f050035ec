import DealGraphServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresClient
import ServiceLifecycle

/// A DealGraph server on an ephemeral loopback port, with its own database on the shared test
/// cluster, and an HTTP client talking to it over a real socket.
struct TestServer: Sendable {
    let port: Int
    let pool: PostgresPool
    let configuration: ServerConfiguration
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    /// Starts `backend` behind the transport; `configure` adjusts the settings.
    static func start<Backend: GraphQLBackend>(
        backend: Backend, pool: PostgresPool? = nil, configure: (inout ServerConfiguration) -> Void = { _ in }
    ) async throws -> TestServer {
        var configuration = ServerConfiguration(masterKey: "test-master-key-\(UInt64.random(in: 0...UInt64.max))")
        configuration.port = 0
        configure(&configuration)
        let database: PostgresPool
        if let pool {
            database = pool
        } else {
            database = PostgresPool(
                configuration: try await EmbeddedPostgres.sharedForTests().createDatabase(prefix: "server"), maxConnections: 4)
        }
        var logger = Logger(label: "dealgraph.test-server")
        logger.logLevel = .warning
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = ServerApplication.make(
            backend: backend, pool: database, configuration: configuration, logger: logger,
            onServerRunning: { port in portSink.yield(port); portSink.finish() })
        let group = ServiceGroup(services: [app], gracefulShutdownSignals: [], logger: logger)
        let running = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw TestClient.Error.noResponse }
        return TestServer(port: port, pool: database, configuration: configuration, group: group, running: running)
    }

    /// Sends one request on a new connection and returns the response.
    func send(
        _ method: HTTPRequest.Method, _ path: String, headers: HTTPFields = [:], body: String? = nil
    ) async throws -> TestClient.Response {
        try await send(method, path, headers: headers, bytes: body.map { Array($0.utf8) })
    }

    func send(
        _ method: HTTPRequest.Method, _ path: String, headers: HTTPFields = [:], bytes: [UInt8]?
    ) async throws -> TestClient.Response {
        try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
            try await client.execute(.init(path, method: method, headers: headers, body: bytes.map { ByteBuffer(bytes: $0) }))
        }
    }

    /// POSTs a GraphQL request body as application/json.
    func post(_ body: String, headers: HTTPFields = [:], accept: String? = nil) async throws -> TestClient.Response {
        var fields = headers
        fields[.contentType] = "application/json"
        if let accept { fields[.accept] = accept }
        return try await send(.post, "/graphql", headers: fields, body: body)
    }

    /// True when GET /health answers 200: the server is still serving.
    func isHealthy() async throws -> Bool {
        try await send(.get, "/health").status == .ok
    }

    /// Graceful shutdown, as on SIGTERM; returns when the server has stopped.
    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await running.value
    }
}

extension TestClient.Response {
    /// The body as text.
    var text: String { body.map { String(buffer: $0) } ?? "" }

    /// The body parsed as a JSON object.
    var json: [String: Any] {
        guard let body, let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] else {
            return [:]
        }
        return object
    }

    /// The message of the first GraphQL error.
    var firstErrorMessage: String? {
        ((json["errors"] as? [[String: Any]])?.first?["message"]) as? String
    }
}
