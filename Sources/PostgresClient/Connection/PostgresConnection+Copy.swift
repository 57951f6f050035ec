extension PostgresConnection {
    /// Runs `COPY <table> (...) FROM STDIN` with libpq's copy protocol: `sql` starts the copy,
    /// `body` sends the data in the statement's format through the writer, then the copy ends and
    /// the number of copied rows is returned. When `body` throws, the copy is aborted (the server
    /// fails the statement, nothing is copied) and the error is rethrown; cancelling the task
    /// cancels the copy on the server. Every libpq call runs on the connection's thread: inline
    /// when the caller runs there (inside `PostgresPool.withConnection`), so producing and sending
    /// a chunk costs no hand-off. Constant SQL only; never pass client input.
    public func copyIn(_ sql: String, _ body: (CopyInWriter) async throws -> Void) async throws -> Int {
        if Task.isCancelled { throw PostgresError.cancelled }
        let session = self.session
        let token = StatementToken()
        return try await withTaskCancellationHandler {
            try await thread.run { session.beginCopy(sql, token: token, reconnect: !session.isInTransaction) }.get()
            do {
                try await body(CopyInWriter(thread: thread, session: session))
            } catch {
                _ = await thread.run { session.finishCopy(abort: "COPY aborted by the client", token: token) }
                throw error
            }
            return try await thread.run { session.finishCopy(abort: nil, token: token) }.get()
        } onCancel: {
            session.requestCancel(token)
        }
    }
}

/// Sends the data of one `COPY ... FROM STDIN` (``PostgresConnection/copyIn(_:_:)``).
public struct CopyInWriter {
    let thread: ConnectionThread
    let session: LibPQSession

    /// Sends one chunk; chunks of tens of kilobytes or more keep the per-call overhead small.
    public func send(_ bytes: [UInt8]) async throws(PostgresError) {
        let session = self.session
        try await thread.run { session.putCopyData(bytes) }.get()
    }
}
