import DealGraphTesting
import HTTPTypes
import PostgresClient
import Testing

@Suite("GET /health over real HTTP")
struct HealthTests {
    @Test("ready while the database answers, 503 naming the failed checks while it does not (and a session cannot be looked up: 500), ready again after; live throughout")
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
                let down = try await server.send(.get, "/health/ready")
                #expect(down.status == .serviceUnavailable)
                #expect(down.json["status"].string == "unavailable" && down.json["database"].bool == false)
                #expect(down.json["draining"].bool == false)
                #expect(try await server.send(.get, "/health/live").status == .ok, "alive: no restart for a database outage")
                // The change feed notices too, once its reads have failed for a while.
                #expect(await waitUntil(timeout: .seconds(15)) {
                    (try? await server.send(.get, "/health/ready"))?.json["changeFeed"].bool == false
                })
                #expect(try await server.send(.post, "/health").status.code >= 400)
                // A session token the gateway has not seen needs the database: 503 with Parse's code
                // 100 and when to retry, no detail.
                let token = "r:" + String(repeating: "ab", count: 16)
                let lookup = try await server.post(#"{"query":"{ health }"}"#,
                                                   headers: [HTTPField.Name("X-Parse-Session-Token")!: token])
                #expect(lookup.status == .serviceUnavailable && lookup.headers[.retryAfter] == "1")
                #expect(lookup.text == #"{"code":100,"error":"The database is unavailable; try again shortly."}"#)
                // A query that reaches the database is 503 too, over GraphQL and REST, not 200 with an error.
                let master: HTTPFields = [HTTPField.Name("X-Parse-Master-Key")!: fixture.gateway.configuration.server.keys.masterKey]
                let query = try await server.post(#"{"query":"{ deals { count } }"}"#, headers: master)
                #expect(query.status == .serviceUnavailable && query.headers[.retryAfter] == "1", "\(query.text)")
                #expect(query.json["errors"][0]["extensions"]["code"].int == 100, "\(query.text)")
                #expect(!query.text.contains("SQLSTATE") && !query.text.contains("connect"), "no detail: \(query.text)")
                let rest = try await server.send(.get, "/parse/classes/Deal", headers: master)
                #expect(rest.status == .serviceUnavailable && rest.headers[.retryAfter] == "1" && rest.json["code"].int == 100, "\(rest.text)")

                _ = try await admin.query(#"ALTER DATABASE "\#(name)" ALLOW_CONNECTIONS true"#)
                #expect(await waitUntil { (try? await server.isHealthy()) == true }, "serving again once the database is back")
                #expect(try await server.send(.get, "/health/ready").text == #"{"status":"ok"}"#)
                await admin.close()
            }
        }
    }

    @Test("told to stop, a gateway is not ready for the drain delay but still serves; then it stops")
    func drainsBeforeStopping() async throws {
        try await TestGateway.run("drain", configure: { $0.server.drainDelay = .seconds(10) }) { fixture in
            let server = try await fixture.startServer()
            #expect(try await server.send(.get, "/health/ready").status == .ok)
            let stopping = Task { try await server.stop() }
            #expect(await waitUntil { (try? await server.send(.get, "/health/ready"))?.status == .serviceUnavailable })
            let draining = try await server.send(.get, "/health/ready")
            #expect(draining.json["draining"].bool == true && draining.json["database"].bool == true, "\(draining.text)")
            #expect(try await server.send(.get, "/health/live").status == .ok)
            #expect(try await server.graphQL("{ health }").status == .ok, "requests still run while draining")
            try await stopping.value
            await #expect(throws: (any Error).self) { try await server.send(.get, "/health/live") }
        }
    }
}
