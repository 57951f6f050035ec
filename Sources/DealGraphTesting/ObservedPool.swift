import PostgresClient

extension TestCluster {
    /// Runs `body` with a pool on a new database and an observer, a second pool of one connection
    /// on the same database from which to watch what the first one does while all its connections
    /// are busy (``PostgresClient/PostgresPool/isRunning(_:)``). Both pools are closed and the
    /// database dropped afterwards, returning or throwing.
    public static func withObservedPool<T>(
        _ prefix: String, maxConnections: Int = 2, _ body: (_ pool: PostgresPool, _ observer: PostgresPool) async throws -> T
    ) async throws -> T {
        try await withDatabase(prefix) { database in
            try await database.withPool(maxConnections: maxConnections) { pool in
                try await database.withPool(maxConnections: 1) { observer in try await body(pool, observer) }
            }
        }
    }
}

extension PostgresPool {
    /// Whether another backend of this pool's database is running a statement whose text contains
    /// `text`, as pg_stat_activity shows it: how a test knows that a statement sent by another
    /// task has reached the server, before it cancels the statement, say.
    public func isRunning(_ text: String) async throws -> Bool {
        let rows = try await query("""
            SELECT 1 FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'
              AND strpos(query, $1) > 0
            """, [.text(text)])
        return !rows.isEmpty
    }
}
