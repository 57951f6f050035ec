import DealGraphTesting
import HTTPTypes
import PostgresClient
import Testing

@Suite("GET /health over real HTTP")
struct HealthTests {
    @Test("200 while the database answers, 503 without error details while it does not (and a session cannot be looked up: 500), 200 again after")
    func followsTheDatabase() async throws {
        try await TestGateway.run("health") { fixture in
            try await fixture.withServer { server in
                let healthy = try await server.send(.get, "/health")
                #expect(healthy.status == .ok)
                #expect(healthy.text == #"{"status":"ok"}"#)

                // Refuse new connections to the gateway's database and end the open ones.
                let admin = PostgresPool(configuration: fixture.database.configuration.withDatabase("postgres"), maxConnections: 1)
                let name = fixture.database.name
                _ = try await admin.query(#"ALTER DATABASE "\#(name)" ALLOW_CONNECTIONS false"#)
                _ = try await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [.text(name)])
                #expect(await waitUntil { (try? await server.send(.get, "/health"))?.status == .serviceUnavailable })
                let down = try await server.send(.get, "/health")
                #expect(down.text == #"{"status":"unavailable"}"#)
                #expect(try await server.send(.post, "/health").status.code >= 400)
                // A session token the gateway has not seen needs the database: Parse's 500, no detail.
                let token = "r:" + String(repeating: "ab", count: 16)
                let lookup = try await server.post(#"{"query":"{ health }"}"#,
                                                   headers: [HTTPField.Name("X-Parse-Session-Token")!: token])
                #expect(lookup.status == .internalServerError)
                #expect(lookup.text == #"{"code":1,"error":"Internal server error"}"#)

                _ = try await admin.query(#"ALTER DATABASE "\#(name)" ALLOW_CONNECTIONS true"#)
                #expect(await waitUntil { (try? await server.isHealthy()) == true }, "serving again once the database is back")
                await admin.close()
            }
        }
    }
}
