import Logging
import Synchronization

/// A bounded async connection pool.
///
/// Acquiring waits up to `acquireTimeout` for a free connection, then throws `.poolTimeout`.
/// Each connection runs its libpq calls on its own thread (see `ConnectionThread`), so blocking
/// libpq calls never run on NIO event loops or the Swift cooperative pool. A connection found
/// broken (server restart, terminated backend) is reopened before its next statement, or closed
/// and replaced when it comes back broken; statements fail with `.connectionFailed` while the
/// server is unreachable and succeed again once it is back, without restarting the process.
public final class PostgresPool: Sendable {
    public let configuration: PostgresConfiguration
    let maxConnections: Int
    let acquireTimeout: Duration
    public let logger: Logger
    private let state = Mutex(PoolState())
    private let counter: StatementCounter
    let listener: NotificationListener

    public init(
        configuration: PostgresConfiguration, maxConnections: Int = 10,
        acquireTimeout: Duration = .seconds(5), logger: Logger = Logger(label: "dealgraph.postgres"),
        statementTimer: (@Sendable (Duration) -> Void)? = nil
    ) {
        self.counter = StatementCounter(timer: statementTimer)
        self.configuration = configuration
        self.maxConnections = max(1, maxConnections)
        self.acquireTimeout = acquireTimeout
        self.logger = logger
        self.listener = NotificationListener(configuration: configuration, logger: logger)
    }

    deinit { listener.stop() }

    /// Runs one parameterized statement on a pooled connection (on the held one inside
    /// ``holdingConnection(_:)``).
    public func query(_ sql: String, _ parameters: [PostgresValue] = []) async throws(PostgresError) -> PostgresResult {
        if let result = try await heldQuery(sql, parameters) { return result }
        return try await leasedQuery(sql, parameters)
    }

    /// One statement on a connection lent for it, whatever the task holds.
    func leasedQuery(_ sql: String, _ parameters: [PostgresValue]) async throws(PostgresError) -> PostgresResult {
        let lease = try await acquire()
        do {
            let result = try await lease.connection.query(sql, parameters)
            await release(lease)
            return result
        } catch {
            await release(lease)
            throw error
        }
    }

    /// Lends a connection to `body` and takes it back afterwards (rolling back a transaction the
    /// body left open).
    ///
    /// The body runs on the connection's own thread (its task executor preference), so its
    /// statements call libpq inline and resume without a thread hand-off: one wake-up per round
    /// trip, as in a blocking client. Child tasks of the body inherit the preference, so they run on
    /// that thread too, one at a time. `query` instead lends a connection for one statement and
    /// hands the statement to that connection's thread and back.
    public func withConnection<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let lease = try await acquire()
        do {
            let connection = lease.connection
            let value = try await withTaskExecutorPreference(connection.thread) { try await body(connection) }
            await release(lease)
            return value
        } catch {
            await release(lease)
            throw error
        }
    }

    /// One round trip (`SELECT 1`) on a pooled connection, for health checks. Throws as `query` does.
    public func ping() async throws(PostgresError) {
        _ = try await query("SELECT 1")
    }

    /// BEGIN ... COMMIT on a pooled connection; ROLLBACK when `body` throws.
    public func transaction<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await withConnection { connection in try await connection.transaction(body) }
    }

    /// Open, in-use, idle connections and waiting tasks.
    public var statistics: PostgresPoolStatistics {
        state.withLock {
            PostgresPoolStatistics(open: $0.open, inUse: $0.inUse, idle: $0.idle.count, waiters: $0.waiters.count)
        }
    }

    /// Statements run through this pool since start: `query` and `executeScript` calls, not the
    /// BEGIN/COMMIT/SAVEPOINT statements that `transaction` issues.
    public var statementCount: Int { counter.count }

    /// Closes idle connections, fails waiting tasks with `.poolClosed`, stops the listening
    /// connection and ends every notification sequence; connections in use close when they are
    /// returned.
    public func close() async {
        let waiters = state.withLock { state in
            state.closed = true
            state.open -= state.idle.count
            state.idle = []
            let waiters = state.waiters
            state.waiters = []
            return waiters
        }
        for waiter in waiters {
            waiter.timeout?.cancel()
            waiter.continuation.resume(returning: .failure(.poolClosed))
        }
        listener.stop()
    }

    // MARK: acquire and release

    func acquire() async throws(PostgresError) -> PooledConnection {
        enum Step { case ready(PooledConnection), open, wait(Int), closed }
        let step = state.withLock { state -> Step in
            if state.closed { return .closed }
            if let connection = state.idle.popLast() {
                state.inUse += 1
                return .ready(connection)
            }
            if state.open < maxConnections {
                state.open += 1
                state.inUse += 1
                return .open
            }
            state.nextWaiterID += 1
            return .wait(state.nextWaiterID)
        }
        let lease: PooledConnection
        switch step {
        case .ready(let connection): lease = connection
        case .open: lease = try await openConnection()
        case .closed: throw .poolClosed
        case .wait(let id):
            switch try await waitForLease(id: id).get() {
            case .connection(let connection): lease = connection
            case .openSlot: lease = try await openConnection()
            }
        }
        lease.connection.thread.expectsWork.store(true, ordering: .relaxed)
        return lease
    }

    /// Opens a connection in a slot already counted as open and in use.
    private func openConnection() async throws(PostgresError) -> PooledConnection {
        do {
            let connection = try await PostgresConnection.open(
                configuration, statementCounter: counter, name: "dealgraph-pg")
            return PooledConnection(connection: connection)
        } catch {
            logger.warning("cannot open a database connection", metadata: ["error": "\(error.debugDescription)"])
            let served = state.withLock { state in
                state.open -= 1
                state.inUse -= 1
                return state.serveWaiters(maxConnections: maxConnections)
            }
            resume(served)
            throw error
        }
    }

    private func waitForLease(id: Int) async -> Result<Lease, PostgresError> {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<Lease, PostgresError>, Never>) in
                let timeout = Task { [self, acquireTimeout] in
                    try? await Task.sleep(for: acquireTimeout)
                    if !Task.isCancelled { fail(waiter: id, with: timeoutError) }
                }
                let early = state.withLock { state -> PostgresError? in
                    if state.cancelledWaiters.remove(id) != nil { return .cancelled }
                    if state.closed { return .poolClosed }
                    state.waiters.append(PoolState.Waiter(id: id, continuation: continuation, timeout: timeout))
                    return nil
                }
                if let early {
                    timeout.cancel()
                    continuation.resume(returning: .failure(early))
                }
            }
        } onCancel: {
            fail(waiter: id, with: .cancelled, rememberIfAbsent: true)
        }
    }

    private var timeoutError: PostgresError {
        PostgresError(kind: .poolTimeout,
                      message: "no database connection became free within \(acquireTimeout) (pool of \(maxConnections))")
    }

    private func fail(waiter id: Int, with error: PostgresError, rememberIfAbsent: Bool = false) {
        let waiter = state.withLock { state -> PoolState.Waiter? in
            let found = state.removeWaiter(id)
            if found == nil, rememberIfAbsent { state.cancelledWaiters.insert(id) }
            return found
        }
        guard let waiter else { return }
        waiter.timeout?.cancel()
        waiter.continuation.resume(returning: .failure(error))
    }

    /// Takes a connection back: rolls back a transaction left open, closes a broken connection
    /// (its slot is reopened on demand), and hands the connection or slot to the oldest waiter.
    func release(_ lease: PooledConnection) async {
        let connection = lease.connection
        await connection.resetForReuse()
        connection.thread.expectsWork.store(false, ordering: .relaxed)
        let healthy = connection.session.isIdleAndHealthy
        let served = state.withLock { state -> [(PoolState.Waiter, Lease)] in
            state.inUse -= 1
            if healthy, !state.closed {
                state.idle.append(lease)
            } else {
                state.open -= 1
            }
            return state.serveWaiters(maxConnections: maxConnections)
        }
        resume(served)
    }

    private func resume(_ served: [(PoolState.Waiter, Lease)]) {
        for (waiter, lease) in served {
            waiter.timeout?.cancel()
            waiter.continuation.resume(returning: .success(lease))
        }
    }
}
