import Synchronization

/// A replica connection held in a pool's place, and whether it has failed the body holding it.
final class StandIn: Sendable {
    private let failed = Atomic<Bool>(false)
    private let onFailure: @Sendable () -> Void

    init(onFailure: @escaping @Sendable () -> Void) {
        self.onFailure = onFailure
    }

    var hasFailed: Bool { failed.load(ordering: .relaxed) }

    /// Marks the stand-in failed; the first call reports it.
    func fail() {
        if !failed.exchange(true, ordering: .relaxed) { onFailure() }
    }

    /// Errors that are the replica's, not the statement's: the connection was lost or refused,
    /// the server is shutting down or not accepting connections (class 57: `57P01`..`57P03`), a
    /// connection exception (class 08), or a read cancelled by a conflict with WAL replay
    /// (`40001`). The statement runs again on the primary and the replica is reported.
    static func replicaAtFault(_ error: PostgresError) -> Bool {
        switch error.kind {
        case .connectionFailed, .protocolViolation: return true
        case .server:
            guard let state = error.sqlState else { return false }
            return state.hasPrefix("57P") || state.hasPrefix("08") || state == "40001"
        case .poolTimeout, .cancelled, .invalidConfiguration, .poolClosed: return false
        }
    }

    /// A write the standby refused (`25006` read_only_sql_transaction): the statement belongs on
    /// the primary, and the replica is fine.
    static func isWrite(_ error: PostgresError) -> Bool {
        error.kind == .server && error.sqlState == "25006"
    }
}

extension PostgresPool {
    /// ``holdingConnection(_:)`` with a connection of `replica` (a streaming replica of this
    /// pool's database) standing in for this pool's: the statements ``query(_:_:)`` runs in
    /// `body` go to the replica. A statement the replica fails for its own reasons
    /// (``StandIn/replicaAtFault(_:)``) runs again on this pool, as does every later statement of
    /// `body`, and `replicaFailed` is called once; so a replica that goes away fails no read.
    /// Transactions never run on a held connection, so writes stay on this pool. Returns nil
    /// without running `body` when the replica gives no connection.
    public func holdingConnection<T>(standIn replica: PostgresPool, replicaFailed: @escaping @Sendable () -> Void,
                                     _ body: () async -> T) async -> T? {
        if let held = HeldConnection.current, held.pool == ObjectIdentifier(self) { return await body() }
        let lease: PooledConnection
        do {
            lease = try await replica.acquire()
        } catch {
            replicaFailed()
            return nil
        }
        let connection = lease.connection
        let held = HeldConnection(pool: ObjectIdentifier(self), state: .standIn(connection, StandIn(onFailure: replicaFailed)))
        let value = await withTaskExecutorPreference(connection.thread) {
            await HeldConnection.$current.withValue(held) { await body() }
        }
        await replica.release(lease)
        return value
    }
}
