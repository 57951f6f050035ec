import Hummingbird
import PostgresClient

/// GET /debug/statements: the number of SQL statements the pool has run, for benchmarks that
/// report statements per request. Registered only when enabled (`--debug-endpoints`); it
/// reveals load, not data.
enum StatementCountRoute {
    static func register(on router: Router<some RequestContext>, pool: PostgresPool) {
        router.get("debug/statements") { _, _ -> Response in
            Response(
                status: .ok,
                headers: [.contentType: "application/json", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"statements":\#(pool.statementCount)}"#)))
        }
    }
}
