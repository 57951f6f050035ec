import DealGraphTesting
import Foundation
import HTTPTypes
import Testing
@testable import DealGraphServer

/// GET /metrics: the Prometheus text format read by Python's prometheus_client (a real parser),
/// figures that move with the requests made, the operation label set bounded, and no figure for
/// a caller without the master key or the metrics token.
@Suite("Metrics", .timeLimit(.minutes(2)))
struct MetricsTests {
    /// Every sample as `name{label="value",...}` (labels sorted) -> value, parsed by prometheus_client.
    static func samples(_ text: String) async throws -> [String: Double] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("metrics-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let printed = try await PythonScript.run("""
            import json, sys
            from prometheus_client.parser import text_string_to_metric_families
            out = {}
            for family in text_string_to_metric_families(open(sys.argv[1]).read()):
                for s in family.samples:
                    labels = ",".join(f'{k}="{v}"' for k, v in sorted(s.labels.items()))
                    out[s.name + "{" + labels + "}"] = s.value
            print(json.dumps(out))
            """, arguments: [file.path])
        return try JSONDecoder().decode([String: Double].self, from: Data(printed.utf8))
    }

    @Test("requests by transport and status, operation durations, SQL statements, pool, sockets, subscriptions and login failures; 401 without a key")
    func figuresMoveWithRequests() async throws {
        try await TestGateway.run("metrics", configure: { $0.server.metricsToken = "scrape-token-123" }) { f in
            let alice = try await f.user("alice")
            try await f.object("Deal", ["title": .string("Metered")], as: alice.access)
            try await f.withServer { server in
                let master = f.gateway.configuration.server.keys.masterKey
                #expect(try await server.send(.get, "/metrics").status == .unauthorized)
                #expect(try await server.send(.get, "/metrics", headers: [.authorization: "Bearer wrong"]).status == .unauthorized)
                #expect(try await server.send(.get, "/metrics", headers: [HTTPField.Name("X-Parse-Master-Key")!: "wrong"]).status == .unauthorized)
                let first = try await server.send(.get, "/metrics", headers: [.authorization: "Bearer scrape-token-123"])
                #expect(first.status == .ok && first.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                let before = try await Self.samples(first.text)

                for _ in 0..<3 {
                    #expect(try await server.graphQL("query BoardCount { deals { count } }", token: alice.token).status == .ok)
                }
                #expect(try await server.graphQL("{ deals { count } }", token: alice.token).status == .ok)
                #expect(try await server.send(.get, "/parse/classes/Deal", headers: [HTTPField.Name("X-Parse-Session-Token")!: alice.token]).status == .ok)
                _ = try await server.send(.get, "/parse/login?username=alice&password=wrong")
                // 150 distinct operation names: the label set stays bounded.
                for index in 0..<150 { _ = try await server.graphQL("query Op\(index) { health }") }

                let after = try await Self.samples(try await server.send(.get, "/metrics", headers: [HTTPField.Name("X-Parse-Master-Key")!: master]).text)
                func delta(_ key: String) -> Double { (after[key] ?? 0) - (before[key] ?? 0) }
                #expect(delta(#"dealgraph_requests_total{status="200",transport="graphql"}"#) >= 154)
                #expect(delta(#"dealgraph_requests_total{status="200",transport="rest"}"#) == 1)
                #expect(delta(#"dealgraph_requests_total{status="200",transport="web"}"#) >= 1, "the first scrape itself")
                #expect(after[#"dealgraph_request_duration_seconds_count{operation="BoardCount",transport="graphql"}"#] == 3)
                #expect(after[#"dealgraph_request_duration_seconds_count{operation="unnamed",transport="graphql"}"#] == 1)
                #expect(after[#"dealgraph_request_duration_seconds_bucket{le="+Inf",operation="BoardCount",transport="graphql"}"#] == 3)
                let operations = Set(after.keys.filter { $0.hasPrefix("dealgraph_request_duration_seconds_count{") && $0.contains(#"transport="graphql""#) })
                #expect(operations.count <= GatewayMetrics.maximumOperations + 2, "at most the bounded names, unnamed and other")
                #expect((after[#"dealgraph_request_duration_seconds_count{operation="other",transport="graphql"}"#] ?? 0) >= 50)
                #expect(delta("dealgraph_sql_statements_total{}") >= 4)
                #expect(delta("dealgraph_sql_statement_duration_seconds_count{}") >= 4, "each statement timed")
                #expect(after[#"dealgraph_sql_statement_duration_seconds_bucket{le="+Inf"}"#] == after["dealgraph_sql_statement_duration_seconds_count{}"])
                #expect(delta("dealgraph_login_failures_total{}") == 1)
                #expect(after[#"dealgraph_pool_connections{state="open"}"#].map { $0 >= 1 } == true)
                #expect(after["dealgraph_subscriptions{}"] == 0)
                #expect(after["dealgraph_change_feed_backlog{}"] != nil)

                // A WebSocket counts while it is open.
                let socket = try await SocketClient.connect(port: server.port, path: "/graphql", subprotocol: "graphql-transport-ws")
                let open = try await Self.samples(try await server.send(.get, "/metrics", headers: [.authorization: "Bearer scrape-token-123"]).text)
                #expect(open["dealgraph_websockets_open{}"] == 1)
                #expect(delta(#"dealgraph_requests_total{status="101",transport="websocket"}"#) == 0 && open[#"dealgraph_requests_total{status="101",transport="websocket"}"#] == 1)
                await socket.close()
                #expect(await waitUntil {
                    (try? await Self.samples(try await server.send(.get, "/metrics", headers: [.authorization: "Bearer scrape-token-123"]).text))?["dealgraph_websockets_open{}"] == 0
                })
            }
        }
    }
}
