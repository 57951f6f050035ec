import CLibPQ

extension LibPQSession {
    /// Starts `COPY ... FROM STDIN`: success once the server is in the copy-in state. `token`
    /// stays marked as running until ``finishCopy(abort:token:)``, so a cancellation reaches the
    /// whole copy.
    func beginCopy(_ sql: String, token: StatementToken, reconnect: Bool) -> Result<Void, PostgresError> {
        do throws(PostgresError) {
            guard !sql.utf8.contains(0) else { throw ParameterTexts.nulByteError }
            try ensureOpen(reconnect: reconnect)
        } catch {
            return .failure(error)
        }
        guard begin(token) else { return .failure(.cancelled) }
        let result = PQexec(rawConnection, sql)
        if let result, PQresultStatus(result) == PGRES_COPY_IN {
            PQclear(result)
            return .success(())
        }
        end(token)
        if case .failure(let error) = ResultReader.read(result, session: self, token: token) { return .failure(error) }
        return .failure(PostgresError(kind: .protocolViolation, message: "the statement did not start COPY FROM STDIN"))
    }

    /// Sends one chunk of copy data (`PQputCopyData`; the connection is blocking, so it returns
    /// once libpq has buffered or sent the chunk).
    func putCopyData(_ bytes: [UInt8]) -> Result<Void, PostgresError> {
        let sent = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                PQputCopyData(rawConnection, chars.baseAddress, Int32(chars.count))
            }
        }
        return sent == 1 ? .success(()) : .failure(connectionError())
    }

    /// Ends the copy (`PQputCopyEnd`, with an error message when `abort` is set, which makes the
    /// server fail the COPY) and reads its outcome with `PQgetResult` until libpq has none left.
    /// Returns the number of rows copied.
    func finishCopy(abort: String?, token: StatementToken) -> Result<Int, PostgresError> {
        defer { end(token) }
        guard PQputCopyEnd(rawConnection, abort) == 1 else { return .failure(connectionError()) }
        var outcome: Result<Int, PostgresError>?
        while let result = PQgetResult(rawConnection) {
            let read = ResultReader.read(result, session: self, token: token).map(\.affectedRows)
            if outcome == nil { outcome = read }
            if let connection = rawConnection, PQstatus(connection) == CONNECTION_BAD { break }
        }
        return outcome ?? .failure(connectionError())
    }
}
