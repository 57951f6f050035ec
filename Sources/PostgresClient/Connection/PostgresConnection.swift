import Synchronization

/// One libpq connection. Not Sendable: use it only inside `PostgresPool.withConnection` or
/// `transaction` bodies. Its libpq calls run on its own `ConnectionThread`.
public final class PostgresConnection {
    let thread: ConnectionThread
    let session: LibPQSession
    private let statementCounter: StatementCounter
    private var transactionDepth = 0

    private init(thread: ConnectionThread, session: LibPQSession, statementCounter: StatementCounter) {
        self.thread = thread
        self.session = session
        self.statementCounter = statementCounter
    }

    deinit {
        let session = self.session
        thread.submit { session.disconnect() }
        thread.stop()
    }

    /// Opens a connection on a new dedicated thread.
    static func open(
        _ configuration: PostgresConfiguration, statementCounter: StatementCounter, name: String
    ) async throws(PostgresError) -> PostgresConnection {
        let session = LibPQSession(configuration: configuration)
        let thread = ConnectionThread(name: name)
        let outcome = await thread.run { () -> Result<Void, PostgresError> in
            do throws(PostgresError) {
                try session.connect()
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        if case .failure(let error) = outcome {
            thread.stop()
            throw error
        }
        return PostgresConnection(thread: thread, session: session, statementCounter: statementCounter)
    }

    /// Runs one parameterized statement (prepared statements are cached per connection by SQL text
    /// and parameter types). Cancelling the awaiting task cancels the statement on the server and
    /// throws `.cancelled`; the connection stays usable.
    public func query(_ sql: String, _ parameters: [PostgresValue] = []) async throws(PostgresError) -> PostgresResult {
        try await run { session, token, reconnect in session.execute(sql, parameters, token: token, reconnect: reconnect) }
    }

    /// Runs a constant script (several statements, no parameters) with the simple query protocol.
    /// For migrations only; never pass client input.
    public func executeScript(_ sql: String) async throws(PostgresError) {
        try await run { session, token, reconnect in session.executeScript(sql, token: token, reconnect: reconnect) }
    }

    /// Runs one statement's libpq work on the connection's thread, counted; cancelling the task
    /// cancels the statement on the server. A connection outside a transaction may reconnect first.
    private func run<T: Sendable>(
        _ work: @escaping @Sendable (LibPQSession, StatementToken, Bool) -> Result<T, PostgresError>
    ) async throws(PostgresError) -> T {
        if Task.isCancelled { throw .cancelled }
        statementCounter.increment()
        let session = self.session
        let token = StatementToken()
        let reconnect = transactionDepth == 0
        let started = statementCounter.timer == nil ? nil : ContinuousClock.now
        let result = await withTaskCancellationHandler {
            await thread.run { work(session, token, reconnect) }
        } onCancel: {
            session.requestCancel(token)
        }
        if let started, let timer = statementCounter.timer { timer(.now - started) }
        return try result.get()
    }

    /// BEGIN ... COMMIT on return, ROLLBACK on throw; nested calls use SAVEPOINTs.
    /// A COMMIT after a statement failed inside the transaction (the error was caught) rolls back
    /// and throws SQLSTATE 25P02 instead of silently reporting success.
    public func transaction<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let level = transactionDepth
        let savepoint = "dealgraph_savepoint_\(level)"
        try await control(level == 0 ? "BEGIN" : "SAVEPOINT \(savepoint)")
        transactionDepth += 1
        let value: T
        do {
            value = try await body(self)
        } catch {
            transactionDepth -= 1
            try? await control(level == 0 ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT \(savepoint); RELEASE SAVEPOINT \(savepoint)")
            throw error
        }
        transactionDepth -= 1
        if level == 0 {
            try await commit()
        } else {
            try await control("RELEASE SAVEPOINT \(savepoint)")
        }
        return value
    }

    /// Statements the connection issues itself: they run even when the task is cancelled, so a
    /// cancelled transaction still rolls back.
    private func control(_ sql: String) async throws(PostgresError) {
        let session = self.session
        let reconnect = transactionDepth == 0 && sql == "BEGIN"
        try await thread.run { session.executeScript(sql, token: nil, reconnect: reconnect) }.get()
    }

    private func commit() async throws(PostgresError) {
        let session = self.session
        try await thread.run { () -> Result<Void, PostgresError> in
            if session.isInFailedTransaction {
                _ = session.executeScript("ROLLBACK", token: nil, reconnect: false)
                return .failure(PostgresError(
                    kind: .server, sqlState: "25P02",
                    message: "a statement failed inside the transaction; it was rolled back"))
            }
            return session.executeScript("COMMIT", token: nil, reconnect: false)
        }.get()
    }

    /// Rolls back a transaction that a body left open, before the connection goes back to the pool.
    func resetForReuse() async {
        guard session.isInTransaction else { return }
        transactionDepth = 0
        try? await control("ROLLBACK")
    }
}

/// Counts statements run through a pool (the `statementCount` of `PostgresPool`).
final class StatementCounter: Sendable {
    private let value = Atomic<Int>(0)
    /// Told how long each statement took (round trip included), when set.
    let timer: (@Sendable (Duration) -> Void)?

    init(timer: (@Sendable (Duration) -> Void)? = nil) {
        self.timer = timer
    }

    func increment() { value.add(1, ordering: .relaxed) }

    var count: Int { value.load(ordering: .relaxed) }
}
