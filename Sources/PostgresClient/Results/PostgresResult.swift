/// The rows of one statement, with its columns and affected-row count.
public struct PostgresResult: Sendable, RandomAccessCollection {
    public let columns: [PostgresColumn]
    public var rows: [PostgresRow]
    /// From `PQcmdTuples`: rows inserted, updated, deleted, selected...; 0 when not applicable.
    public let affectedRows: Int

    init(columns: [PostgresColumn], rows: [PostgresRow], affectedRows: Int) {
        self.columns = columns
        self.rows = rows
        self.affectedRows = affectedRows
    }

    public var startIndex: Int { rows.startIndex }
    public var endIndex: Int { rows.endIndex }
    public subscript(position: Int) -> PostgresRow { rows[position] }

    /// The position of the column named `name`, nil when absent.
    public func columnIndex(_ name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }
}
