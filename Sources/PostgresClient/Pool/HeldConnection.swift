/// The connection a task and its child tasks hold for all their statements
/// (``PostgresPool/holdingConnection(_:)``), or the error that kept them from getting one.
///
/// Unchecked Sendable: a held connection is used only through ``PostgresConnection/query(_:_:)``,
/// whose libpq calls all run one at a time on the connection's own thread, so the tasks of one
/// request may share it; transactions never run on it (they take a connection of their own).
final class HeldConnection: @unchecked Sendable {
    enum State {
        case connection(PostgresConnection)
        case unavailable(PostgresError)
        /// A replica's connection standing in for the pool's own (``PostgresPool/holdingConnection(standIn:replicaFailed:_:)``).
        case standIn(PostgresConnection, StandIn)
    }

    let pool: ObjectIdentifier
    let state: State

    init(pool: ObjectIdentifier, state: State) {
        self.pool = pool
        self.state = state
    }

    @TaskLocal static var current: HeldConnection?
}

extension PostgresPool {
    /// Runs `body` with one connection held for every statement `query` runs in it, in it child
    /// tasks and in the unstructured tasks it starts with ``heldExecutor`` (task-locals are
    /// inherited): a request's reads then run on one connection, and `body` runs on that
    /// connection's thread, so each statement is a call into libpq on the thread that continues the
    /// task — no hand-off between threads per statement. Concurrent statements of the body wait for
    /// each other. Nested calls reuse the held connection.
    ///
    /// When no connection can be had (the database is unreachable, the pool stays exhausted),
    /// `body` still runs, and each of its statements fails at once with that error.
    public func holdingConnection<T>(_ body: () async -> T) async -> T {
        if let held = HeldConnection.current, held.pool == ObjectIdentifier(self) { return await body() }
        let lease: PooledConnection
        do {
            lease = try await acquire()
        } catch {
            return await HeldConnection.$current.withValue(HeldConnection(pool: ObjectIdentifier(self), state: .unavailable(error))) {
                await body()
            }
        }
        let connection = lease.connection
        let held = HeldConnection(pool: ObjectIdentifier(self), state: .connection(connection))
        let value = await withTaskExecutorPreference(connection.thread) {
            await HeldConnection.$current.withValue(held) { await body() }
        }
        await release(lease)
        return value
    }

    /// The executor of the connection the current task holds from this pool, for tasks it starts
    /// (`Task(executorPreference:)`); nil outside ``holdingConnection(_:)``.
    public var heldExecutor: (any TaskExecutor)? {
        guard let held = HeldConnection.current, held.pool == ObjectIdentifier(self) else { return nil }
        switch held.state {
        case .connection(let connection), .standIn(let connection, _): return connection.thread
        case .unavailable: return nil
        }
    }

    /// The held connection's answer to `query`, or nil when the task holds none from this pool.
    func heldQuery(_ sql: String, _ parameters: [PostgresValue]) async throws(PostgresError) -> PostgresResult? {
        guard let held = HeldConnection.current, held.pool == ObjectIdentifier(self) else { return nil }
        switch held.state {
        case .connection(let connection): return try await connection.query(sql, parameters)
        case .unavailable(let error): throw error
        case .standIn(let connection, let standIn):
            if !standIn.hasFailed {
                do {
                    return try await connection.query(sql, parameters)
                } catch where StandIn.replicaAtFault(error) {
                    standIn.fail()
                } catch where StandIn.isWrite(error) {
                    // Runs on the primary below; the next statement tries the replica again.
                }
            }
            return try await leasedQuery(sql, parameters)
        }
    }
}
