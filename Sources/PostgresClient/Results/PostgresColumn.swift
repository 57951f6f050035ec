/// One result column: its name and the OID of its type in `pg_type`.
public struct PostgresColumn: Sendable {
    public let name: String
    public let typeOID: UInt32

    public init(name: String, typeOID: UInt32) {
        self.name = name
        self.typeOID = typeOID
    }
}

/// The columns of one result, shared by all its rows.
final class ColumnLayout: Sendable {
    let columns: [PostgresColumn]

    init(_ columns: [PostgresColumn]) {
        self.columns = columns
    }

    /// Linear search: results have few columns, and this avoids building a dictionary per result.
    func index(of name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }
}
