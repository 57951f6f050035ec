import DealGraphServer
import Hummingbird
import Logging
import PostgresClient
import Testing

@Suite("GET /health over real HTTP")
struct HealthTests {
    /// Runs the application on a free port while `body` runs, then stops it.
    private func withServer(pool: PostgresPool, _ body: @Sendable (Int) async throws -> Void) async throws {
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        var configuration = ServerConfiguration(masterKey: "health-test-master-key")
        configuration.port = 0
        let app = ServerApplication.make(
            backend: TransportBackend(), pool: pool, configuration: configuration, logger: Logger(label: "test")
        ) {
            portSink.yield($0)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            try await body(port)
            group.cancelAll()
        }
    }

    @Test("200 when SELECT 1 succeeds through the pool", .timeLimit(.minutes(1)))
    func healthy() async throws {
        let configuration = try await EmbeddedPostgres.sharedForTests().createDatabase(prefix: "health")
        let pool = PostgresPool(configuration: configuration, maxConnections: 1)
        try await withServer(pool: pool) { port in
            let response = try await HTTPProbe.request("GET", port: port, path: "/health")
            #expect(response.status == 200)
            #expect(response.body == #"{"status":"ok"}"#)
        }
        await pool.close()
    }

    @Test("503 when the database is unreachable, without error details", .timeLimit(.minutes(1)))
    func unavailable() async throws {
        let nowhere = try PostgresConfiguration("postgres://u:s3cret@/x?host=/nonexistent-socket-dir")
        let pool = PostgresPool(configuration: nowhere, maxConnections: 1)
        try await withServer(pool: pool) { port in
            let response = try await HTTPProbe.request("GET", port: port, path: "/health")
            #expect(response.status == 503)
            #expect(response.body == #"{"status":"unavailable"}"#)
            let post = try await HTTPProbe.request("POST", port: port, path: "/health")
            #expect(post.status == 405 || post.status == 404)
        }
    }
}
