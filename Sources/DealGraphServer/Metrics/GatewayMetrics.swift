import CRMStore
import Metrics
import PostgresClient
import Prometheus
import Synchronization

/// What one gateway reports at `GET /metrics`: swift-metrics instruments on a swift-prometheus
/// registry of its own (two gateways in one process, as in the tests, keep separate counts), and
/// the pool's, store's and live hub's figures read when scraped.
public final class GatewayMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    /// Operation names seen, up to ``maximumOperations``; more, or invalid ones, report as "other".
    private let operations = Mutex<Set<String>>([])
    static let maximumOperations = 100
    /// The cumulative figures last turned into counter increments.
    private let reported = Mutex<(statements: Int, failures: Int, lockouts: Int)>((0, 0, 0))

    /// Statement round trips, on the primary and the replicas.
    private let statements: Timer

    public init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
                                                   .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
                                                   .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10)]
        // A statement usually takes well under a millisecond: finer buckets at the low end.
        factory.durationHistogramBuckets["dealgraph_sql_statement_duration_seconds"] = [
            .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2.5), .milliseconds(5),
            .milliseconds(10), .milliseconds(25), .milliseconds(100), .milliseconds(500), .seconds(2.5)]
        self.factory = factory
        statements = Timer(label: "dealgraph_sql_statement_duration_seconds", factory: factory)
    }

    /// One SQL statement's round trip (the pools report each).
    func statement(_ duration: Duration) {
        statements.recordNanoseconds(Self.nanoseconds(duration))
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
    }

    /// One request answered: `transport` is graphql, rest, websocket or web (pages, health).
    func request(transport: String, status: Int, operation: String?, duration: Duration) {
        Counter(label: "dealgraph_requests_total", dimensions: [("transport", transport), ("status", String(status))],
                factory: factory).increment()
        Timer(label: "dealgraph_request_duration_seconds", dimensions: [("transport", transport), ("operation", bounded(operation))],
              factory: factory).recordNanoseconds(Self.nanoseconds(duration))
    }

    /// A WebSocket opened (`true`) or ended.
    func socket(open: Bool) {
        let meter = Meter(label: "dealgraph_websockets_open", factory: factory)
        if open {
            meter.increment()
            Counter(label: "dealgraph_requests_total", dimensions: [("transport", "websocket"), ("status", "101")], factory: factory).increment()
        } else {
            meter.decrement()
        }
    }

    /// The exposition, after reading the figures kept elsewhere.
    func scrape(pool: PostgresPool, store: CRMStore, subscriptions: Int) async -> [UInt8] {
        let statistics = pool.statistics
        for (name, value) in [("open", statistics.open), ("in_use", statistics.inUse), ("idle", statistics.idle), ("waiting", statistics.waiters)] {
            Gauge(label: "dealgraph_pool_connections", dimensions: [("state", name)], factory: factory).record(value)
        }
        Gauge(label: "dealgraph_subscriptions", factory: factory).record(subscriptions)
        if let backlog = await store.changeFeed.backlog() {
            Gauge(label: "dealgraph_change_feed_backlog", factory: factory).record(backlog)
        }
        let replicas = store.replicas?.replicas ?? []
        for (index, replica) in replicas.enumerated() {
            let label = [("replica", String(index))]
            Gauge(label: "dealgraph_replica_in_rotation", dimensions: label, factory: factory).record(replica.inRotation ? 1 : 0)
            if let lag = replica.lag {
                let (seconds, attoseconds) = lag.components
                Gauge(label: "dealgraph_replica_lag_seconds", dimensions: label, factory: factory)
                    .record(Double(seconds) + Double(attoseconds) / 1e18)
            }
        }
        // Statements on replicas count too: the figure is the gateway's SQL, wherever it ran.
        let now = (statements: pool.statementCount + replicas.reduce(0) { $0 + $1.pool.statementCount }, failures: store.authEvents.failedLogins, lockouts: store.authEvents.lockouts)
        let before = reported.withLock { reported in
            defer { reported = now }
            return reported
        }
        Counter(label: "dealgraph_sql_statements_total", factory: factory).increment(by: max(0, now.statements - before.statements))
        Counter(label: "dealgraph_login_failures_total", factory: factory).increment(by: max(0, now.failures - before.failures))
        Counter(label: "dealgraph_lockouts_total", factory: factory).increment(by: max(0, now.lockouts - before.lockouts))
        return registry.emitToBuffer()
    }

    /// An operation name as a label: "unnamed", a name seen among the first
    /// ``maximumOperations``, or "other" (a client cannot grow the label set without bound).
    private func bounded(_ name: String?) -> String {
        guard let name, !name.isEmpty else { return "unnamed" }
        let bytes = Array(name.utf8)
        guard bytes.count <= 64, bytes.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 95 }) else {
            return "other"
        }
        return operations.withLock { seen in
            if seen.contains(name) { return name }
            guard seen.count < Self.maximumOperations else { return "other" }
            seen.insert(name)
            return name
        }
    }
}
