import Hummingbird
import PostgresClient

/// GET /health: 200 only when `pool.ping()` (one round trip through the pool) succeeds within two
/// seconds, 503 otherwise. The body never carries error details.
enum HealthRoute {
    static func register(on router: Router<some RequestContext>, pool: PostgresPool) {
        router.get("health") { _, _ -> Response in
            let healthy = await check(pool)
            return Response(
                status: healthy ? .ok : .serviceUnavailable,
                headers: [.contentType: "application/json", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: healthy ? #"{"status":"ok"}"# : #"{"status":"unavailable"}"#))
            )
        }
    }

    /// Races the probe against a timer; the loser is cancelled (a hanging statement is cancelled
    /// on the server).
    static func check(_ pool: PostgresPool) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { (try? await pool.ping()) != nil }
            group.addTask {
                try? await Task.sleep(for: .seconds(2))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }
}
