import CLibPQ

/// Turns a `PGresult` into a `PostgresResult` or a classified `PostgresError`, and frees it.
enum ResultReader {
    static func read(_ result: OpaquePointer?, session: LibPQSession, token: StatementToken?)
        -> Result<PostgresResult, PostgresError>
    {
        guard let result else { return .failure(session.connectionError()) }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            // The result owns the PGresult from here on; cells are decoded when read.
            let affected = affectedRows(PQcmdTuples(result))
            return .success(PostgresResult(storage: ResultStorage(result), affectedRows: affected))
        case PGRES_FATAL_ERROR, PGRES_NONFATAL_ERROR:
            defer { PQclear(result) }
            return .failure(error(from: result, session: session, token: token))
        default:
            defer { PQclear(result) }
            let status = String(cString: PQresStatus(PQresultStatus(result)))
            return .failure(PostgresError(kind: .protocolViolation, message: "unsupported result status \(status)"))
        }
    }

    /// `PQcmdTuples`' decimal digits, read in place ("" when not applicable).
    private static func affectedRows(_ text: UnsafePointer<CChar>?) -> Int {
        guard var cursor = text else { return 0 }
        var value = 0
        while cursor.pointee >= 0x30 && cursor.pointee <= 0x39 {
            value = value &* 10 &+ Int(cursor.pointee - 0x30)
            cursor += 1
        }
        return value
    }

    private static func error(from result: OpaquePointer, session: LibPQSession, token: StatementToken?)
        -> PostgresError
    {
        func field(_ code: Character) -> String? {
            PQresultErrorField(result, Int32(code.asciiValue!)).map { String(cString: $0) }
        }
        let sqlState = field("C")
        let message = field("M") ?? String(cString: PQresultErrorMessage(result))
        if let connection = session.rawConnection, PQstatus(connection) != CONNECTION_OK {
            return PostgresError(kind: .connectionFailed, sqlState: sqlState, message: session.scrub(message))
        }
        if sqlState == "57014", token?.isCancelled == true {
            return PostgresError(kind: .cancelled, sqlState: sqlState, message: message)
        }
        return PostgresError(kind: .server, sqlState: sqlState, message: message,
                             detail: field("D"), constraint: field("n"))
    }
}
