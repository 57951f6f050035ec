import APICore
import Hummingbird

/// GET /metrics: the gateway's metrics in the Prometheus text format, for the master key
/// (`X-Parse-Master-Key`) or the metrics token (`Authorization: Bearer <token>`, `--metrics-token`),
/// so that a scraper needs no master key. Anything else: 401, and no figure leaves.
enum MetricsRoute {
    static func register(on router: Router<DealGraphRequestContext>, gateway: Gateway) {
        let keys = gateway.configuration.server.keys, token = gateway.configuration.server.metricsToken
        router.get("metrics") { request, _ -> Response in
            let master = request.headers[ParseHeader.masterKey].map { ConstantTime.equal($0, keys.masterKey) } ?? false
            let bearer = request.headers[.authorization].flatMap { header -> Bool? in
                guard let token, header.hasPrefix("Bearer ") else { return nil }
                return ConstantTime.equal(String(header.dropFirst(7)), token)
            } ?? false
            guard master || bearer else {
                return Response(status: .unauthorized, headers: [.wwwAuthenticate: "Bearer", .contentType: "text/plain; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: "The metrics need the master key or the metrics token.\n")))
            }
            let text = await gateway.metrics.scrape(pool: gateway.pool, store: gateway.store, subscriptions: gateway.service.live.count)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(bytes: text)))
        }
    }
}
