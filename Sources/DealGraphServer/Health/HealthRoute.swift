import Hummingbird
import PostgresClient

/// Liveness and readiness, for container health checks and load balancers.
///
/// - `GET /health/live`: 200 while the process serves HTTP; nothing else is checked, so an
///   orchestrator does not restart a gateway because its database is down.
/// - `GET /health/ready` (and `GET /health`): 200 only when the database answers a round trip
///   through the pool within two seconds, the change feed is reading the change log, and the
///   gateway is not draining; else 503. The body names which check failed, never an error's
///   detail.
enum HealthRoute {
    static func register(on router: Router<some RequestContext>, gateway: Gateway) {
        router.get("health/live") { _, _ -> Response in
            respond(ok: true, body: #"{"status":"ok"}"#)
        }
        for path in ["health/ready", "health"] {
            router.get(RouterPath(path)) { _, _ -> Response in await readiness(of: gateway) }
        }
    }

    private static func readiness(of gateway: Gateway) async -> Response {
        let draining = gateway.readiness.isDraining
        async let database = check(gateway.pool)
        async let feed = gateway.store.changeFeed.isCurrent
        let (databaseUp, feedUp) = await (database, feed)
        if databaseUp && feedUp && !draining { return respond(ok: true, body: #"{"status":"ok"}"#) }
        return respond(ok: false, body: #"{"status":"unavailable","database":\#(databaseUp),"changeFeed":\#(feedUp),"draining":\#(draining)}"#)
    }

    private static func respond(ok: Bool, body: String) -> Response {
        Response(
            status: ok ? .ok : .serviceUnavailable,
            headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// One round trip through the pool within two seconds.
    static func check(_ pool: PostgresPool) async -> Bool {
        await withinDeadline(.seconds(2)) { (try? await pool.ping()) != nil } ?? false
    }
}
