import CLibPQ

/// Turns a `PGresult` into a `PostgresResult` or a classified `PostgresError`, and frees it.
enum ResultReader {
    static func read(_ result: OpaquePointer?, session: LibPQSession, token: StatementToken?)
        -> Result<PostgresResult, PostgresError>
    {
        guard let result else { return .failure(session.connectionError()) }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return decode(result)
        case PGRES_FATAL_ERROR, PGRES_NONFATAL_ERROR:
            return .failure(error(from: result, session: session, token: token))
        default:
            let status = String(cString: PQresStatus(PQresultStatus(result)))
            return .failure(PostgresError(kind: .protocolViolation, message: "unsupported result status \(status)"))
        }
    }

    private static func decode(_ result: OpaquePointer) -> Result<PostgresResult, PostgresError> {
        let columnCount = Int(PQnfields(result))
        let rowCount = Int(PQntuples(result))
        var columns: [PostgresColumn] = []
        columns.reserveCapacity(columnCount)
        for column in 0..<columnCount {
            columns.append(PostgresColumn(name: String(cString: PQfname(result, Int32(column))),
                                          typeOID: PQftype(result, Int32(column))))
        }
        let layout = ColumnLayout(columns)
        var rows: [PostgresRow] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<Int32(rowCount) {
            var values: [PostgresValue] = []
            values.reserveCapacity(columnCount)
            for column in 0..<Int32(columnCount) {
                if PQgetisnull(result, row, column) == 1 {
                    values.append(.null)
                    continue
                }
                let bytes = UnsafeRawBufferPointer(start: PQgetvalue(result, row, column),
                                                   count: Int(PQgetlength(result, row, column)))
                let type = columns[Int(column)].typeOID
                guard let value = CellDecoder.decode(bytes, type: type) else {
                    return .failure(PostgresError(
                        kind: .protocolViolation,
                        message: "cannot decode column \(columns[Int(column)].name) of type \(type)"))
                }
                values.append(value)
            }
            rows.append(PostgresRow(layout: layout, values: values))
        }
        let affected = affectedRows(PQcmdTuples(result))
        return .success(PostgresResult(columns: columns, rows: rows, affectedRows: affected))
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
