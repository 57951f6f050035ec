import PostgresClient

/// The transaction that ``CRMStore/atomically(_:)`` opened for the current task.
///
/// Unchecked Sendable: the connection is used only by the task that opened the scope, one
/// statement at a time (``CRMStore/atomically(_:)`` is for sequential bodies).
final class AtomicScope: @unchecked Sendable {
    let store: ObjectIdentifier
    let connection: PostgresConnection

    init(store: ObjectIdentifier, connection: PostgresConnection) {
        self.store = store
        self.connection = connection
    }

    @TaskLocal static var current: AtomicScope?
}

extension CRMStore {
    /// Runs `body` in one database transaction: every read and write of this store that `body`
    /// makes runs on it (each write in a savepoint of its own), and nothing is committed unless
    /// `body` returns. Parse's `POST /batch` with `transaction: true`. Statements of the body must
    /// not run concurrently; nested calls join the outer transaction.
    public func atomically<T>(_ body: () async throws(StoreError) -> T) async throws(StoreError) -> T {
        if let scope = AtomicScope.current, scope.store == ObjectIdentifier(self) { return try await body() }
        do {
            return try await pool.transaction { connection in
                try await AtomicScope.$current.withValue(AtomicScope(store: ObjectIdentifier(self), connection: connection)) {
                    try await body()
                }
            }
        } catch {
            throw StoreError(mapping: error)
        }
    }

    /// The connection of the ``atomically(_:)`` scope the task runs in, if any.
    var atomicConnection: PostgresConnection? {
        guard let scope = AtomicScope.current, scope.store == ObjectIdentifier(self) else { return nil }
        return scope.connection
    }
}
