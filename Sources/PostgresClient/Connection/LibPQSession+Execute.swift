import CLibPQ
import Foundation

extension LibPQSession {
    /// Runs one parameterized statement as a cached prepared statement.
    /// `token` is nil for the connection's own control statements (BEGIN, ROLLBACK, ...), which
    /// must run even in a cancelled task.
    func execute(
        _ sql: String, _ parameters: [PostgresValue], token: StatementToken?, reconnect: Bool
    ) -> Result<PostgresResult, PostgresError> {
        do throws(PostgresError) {
            try ensureOpen(reconnect: reconnect)
            guard begin(token) else { return .failure(.cancelled) }
            defer { end(token) }
            let key = StatementCache.Key(sql: sql, types: parameters.map(\.parameterTypeOID))
            let texts = try ParameterTexts(parameters)
            var result = try runPrepared(key, texts, token: token)
            if case .failure(let error) = result, Self.isStalePlan(error) {
                statements.remove(key)
                if reconnect { result = try runPrepared(key, texts, token: token) }
            }
            return result
        } catch {
            return .failure(error)
        }
    }

    /// Runs a constant script with the simple query protocol (several statements allowed).
    func executeScript(_ sql: String, token: StatementToken?, reconnect: Bool) -> Result<Void, PostgresError> {
        do throws(PostgresError) {
            guard !sql.utf8.contains(0) else { throw ParameterTexts.nulByteError }
            try ensureOpen(reconnect: reconnect)
            guard begin(token) else { return .failure(.cancelled) }
            defer { end(token) }
            return ResultReader.read(PQexec(rawConnection, sql), session: self, token: token).map { _ in () }
        } catch {
            return .failure(error)
        }
    }

    private func runPrepared(
        _ key: StatementCache.Key, _ texts: borrowing ParameterTexts, token: StatementToken?
    ) throws(PostgresError) -> Result<PostgresResult, PostgresError> {
        let name: String
        if let cached = statements.name(for: key) {
            name = cached
        } else {
            if statements.isFull {
                PQclear(PQexec(rawConnection, "DEALLOCATE ALL"))
                statements.removeAll()
            }
            name = statements.nextName()
            let prepared = PQprepare(rawConnection, name, key.sql, Int32(key.types.count), key.types)
            if case .failure(let error) = ResultReader.read(prepared, session: self, token: token) {
                return .failure(error)
            }
            statements.store(name, for: key)
        }
        let result = texts.withPointers { pointers in
            self.executePrepared(name, count: Int32(texts.count), values: pointers)
        }
        return ResultReader.read(result, session: self, token: token)
    }

    /// "cached plan must not change result type" (after DDL) and "prepared statement does not
    /// exist" (after DISCARD/DEALLOCATE): the cached statement is dropped and prepared again.
    private static func isStalePlan(_ error: PostgresError) -> Bool {
        error.sqlState == "26000" || (error.sqlState == "0A000" && error.message.contains("cached plan"))
    }
}
