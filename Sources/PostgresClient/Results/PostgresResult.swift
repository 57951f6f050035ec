import CLibPQ

/// The rows of one statement, with its columns and affected-row count.
///
/// The result keeps libpq's `PGresult` and decodes a cell only when it is read: a row costs no
/// allocation, and columns nobody reads (an ACL array, a timestamp the query did not need) are
/// never decoded. libpq documents a `PGresult` as read-only after creation, so it is read from
/// any thread.
public struct PostgresResult: Sendable, RandomAccessCollection {
    let storage: ResultStorage
    /// From `PQcmdTuples`: rows inserted, updated, deleted, selected...; 0 when not applicable.
    public let affectedRows: Int

    init(storage: ResultStorage, affectedRows: Int) {
        self.storage = storage
        self.affectedRows = affectedRows
    }

    public var columns: [PostgresColumn] { storage.columns }
    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.rowCount }
    public subscript(position: Int) -> PostgresRow {
        precondition(position >= 0 && position < storage.rowCount, "row index out of range")
        return PostgresRow(storage: storage, row: Int32(position))
    }

    /// The position of the column named `name`, nil when absent.
    public func columnIndex(_ name: String) -> Int? {
        storage.index(of: name)
    }
}

/// Owns a `PGresult` (freed when the last row referring to it is gone) and its column layout.
final class ResultStorage: @unchecked Sendable {
    private let handle: OpaquePointer
    let columns: [PostgresColumn]
    let rowCount: Int

    init(_ handle: OpaquePointer) {
        self.handle = handle
        let columnCount = Int(PQnfields(handle))
        var columns: [PostgresColumn] = []
        columns.reserveCapacity(columnCount)
        for column in 0..<Int32(columnCount) {
            columns.append(PostgresColumn(name: String(cString: PQfname(handle, column)), typeOID: PQftype(handle, column)))
        }
        self.columns = columns
        self.rowCount = Int(PQntuples(handle))
    }

    deinit { PQclear(handle) }

    /// Linear search: results have few columns, and this avoids building a dictionary per result.
    func index(of name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    func isNull(_ row: Int32, _ column: Int32) -> Bool {
        PQgetisnull(handle, row, column) == 1
    }

    /// The cell's text-format bytes (empty for NULL), valid as long as the storage lives.
    func bytes(_ row: Int32, _ column: Int32) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: PQgetvalue(handle, row, column), count: Int(PQgetlength(handle, row, column)))
    }
}
