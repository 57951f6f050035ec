import Foundation
import Logging
import PostgresClient
import Synchronization

/// Streaming replicas of the primary (PostgreSQL's own physical replication) that serve reads.
///
/// A read goes to a replica in rotation, round robin, unless its caller wrote within
/// ``Options/readYourWritesWindow`` (read-your-writes: then it goes to the primary), or it is the
/// master key's. A probe every ``Options/checkInterval`` takes a replica out of rotation when it
/// does not answer within two seconds, is not in recovery, or replays more than ``Options/maxLag``
/// behind the primary, and puts it back when it is fine again. A read whose replica fails midway
/// (stopped, restarted, a conflict with replay) finishes on the primary, and the replica is taken
/// out at once (``PostgresPool/holdingConnection(standIn:replicaFailed:_:)``).
///
/// The writes a gateway knows of are its own: with several gateways, a session's reads see its
/// writes through another gateway only once the replica has them (or after the window, on the
/// primary's schedule of replay); route a session to one gateway to keep it on its own writes.
public final class ReadReplicas: Sendable {
    public struct Options: Sendable {
        /// Replay lag past which a replica leaves rotation.
        public var maxLag: Duration = .seconds(5)
        /// How often each replica is probed.
        public var checkInterval: Duration = .seconds(1)
        /// How long after a caller's write its reads go to the primary.
        public var readYourWritesWindow: Duration = .seconds(5)

        public init() {}
    }

    /// One replica: its pool and what the last probe found.
    public struct Replica: Sendable {
        public let pool: PostgresPool
        public fileprivate(set) var inRotation: Bool
        /// Replay lag at the last probe (nil when it did not answer).
        public fileprivate(set) var lag: Duration?
    }

    public let options: Options
    private let state: Mutex<State>
    private let logger: Logger
    private let monitor = Mutex<Task<Void, Never>?>(nil)

    private struct State {
        var replicas: [Replica]
        var next = 0
        /// Last write per user, pruned when it grows.
        var writes: [String: ContinuousClock.Instant] = [:]
        var pruneAt = 1_024
    }

    /// Replicas on these pools, all in rotation until the first probe says otherwise.
    public init(pools: [PostgresPool], options: Options = Options(), logger: Logger = Logger(label: "dealgraph.replicas")) {
        self.options = options
        self.logger = logger
        state = Mutex(State(replicas: pools.map { Replica(pool: $0, inRotation: true, lag: nil) }))
    }

    /// The replicas and their state (for metrics and tests).
    public var replicas: [Replica] { state.withLock { $0.replicas } }

    /// The replica a read of `access` goes to, or nil for the primary.
    func replica(for access: AccessContext) -> (index: Int, pool: PostgresPool)? {
        if access.isMaster { return nil }
        let now = ContinuousClock.now
        return state.withLock { state in
            if let user = access.userId, let wrote = state.writes[user], now - wrote < options.readYourWritesWindow { return nil }
            let count = state.replicas.count
            for offset in 0..<count {
                let index = (state.next + offset) % count
                if state.replicas[index].inRotation {
                    state.next = (index + 1) % count
                    return (index, state.replicas[index].pool)
                }
            }
            return nil
        }
    }

    /// `access` wrote: its reads go to the primary for the window.
    func noteWrite(by access: AccessContext) {
        guard let user = access.userId else { return }
        let now = ContinuousClock.now
        state.withLock { state in
            state.writes[user] = now
            if state.writes.count > state.pruneAt {
                state.writes = state.writes.filter { now - $0.value < options.readYourWritesWindow }
                state.pruneAt = max(1_024, state.writes.count * 2)
            }
        }
    }

    /// Takes replica `index` out of rotation until a probe finds it fine.
    func takeOut(_ index: Int) {
        let changed = state.withLock { state -> Bool in
            defer { state.replicas[index].inRotation = false }
            return state.replicas[index].inRotation
        }
        if changed { logger.warning("read replica out of rotation after a failed read", metadata: ["replica": "\(index)"]) }
    }

    /// Starts probing the replicas against `primary`.
    func start(primary: PostgresPool) {
        let interval = options.checkInterval
        monitor.withLock { task in
            guard task == nil else { return }
            task = Task { [weak self] in
                while !Task.isCancelled {
                    guard let self else { return }
                    await self.probe(primary: primary)
                    try? await Task.sleep(for: interval)
                }
            }
        }
    }

    func stop() {
        monitor.withLock { task in
            task?.cancel()
            task = nil
        }
    }

    /// One probe of every replica: the primary's WAL position, then each replica's replay of it.
    func probe(primary: PostgresPool) async {
        let position = try? await primary.query("SELECT pg_current_wal_lsn()::text").first?.string(0)
        for (index, replica) in replicas.enumerated() {
            let lag = await Self.lag(of: replica.pool, behind: position)
            let limit = options.maxLag
            let (was, now) = state.withLock { state -> (Bool, Bool) in
                let was = state.replicas[index].inRotation
                state.replicas[index].lag = lag
                state.replicas[index].inRotation = lag.map { $0 <= limit } ?? false
                return (was, state.replicas[index].inRotation)
            }
            if was != now {
                logger.notice(now ? "read replica back in rotation" : "read replica out of rotation",
                              metadata: ["replica": "\(index)", "lag": "\(lag.map { "\($0)" } ?? "no answer")"])
            }
        }
    }

    /// How far `replica` replays behind the primary's `position`: zero once it has replayed it,
    /// else the age of the last transaction it replayed; nil when it does not answer within two
    /// seconds or is not a standby (promoted, or not a replica at all).
    static func lag(of replica: PostgresPool, behind position: String?) async -> Duration? {
        guard let position else { return nil }
        let lag = await withinDeadline(.seconds(2)) { () -> Duration? in
            guard let row = try? await replica.query("""
                      SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn() >= $1::pg_lsn,
                        COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)::float8
                      """, [.text(position)]).first,
                  row.bool(0) == true else { return nil }
            if row.bool(1) == true { return .zero }
            return .milliseconds(Int64((row.double(2) ?? 0) * 1_000))
        }
        return lag ?? nil
    }
}
