/// One result column: its name and the OID of its type in `pg_type`.
public struct PostgresColumn: Sendable {
    public let name: String
    public let typeOID: UInt32

    public init(name: String, typeOID: UInt32) {
        self.name = name
        self.typeOID = typeOID
    }
}
