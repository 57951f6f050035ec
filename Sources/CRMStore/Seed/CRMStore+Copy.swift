import PostgresClient

extension CRMStore {
    /// Copies `count` rows into a class's table (or `into`, a table shaped like it) with
    /// `COPY ... FROM STDIN` on `connection`; `row`
    /// writes row `index` in COPY's text format, `progress` hears how many rows each sent chunk
    /// held. Columns are checked against the class model (system columns, stored fields, the class
    /// column of a polymorphic pointer, `_User`'s hidden columns) before any SQL is built. The
    /// transaction's rows stay out of the change log (a bulk load is not a stream of events).
    func copy(_ className: String, columns: [String], count: Int, into table: String? = nil, on connection: PostgresConnection,
              progress: (Int) -> Void, row: (Int, inout CopyText) -> Void) async throws(StoreError) {
        let known = try copyableColumns(className)
        if let unknown = columns.first(where: { !known.contains($0) }) {
            throw StoreError(code: .invalidKeyName, "Invalid field name: \(unknown).")
        }
        try await ChangeLog.skip(on: connection)
        let sql = "COPY \(table ?? SQL.identifier(className)) (\(columns.map(SQL.identifier).joined(separator: ", "))) FROM STDIN"
        do {
            _ = try await connection.copyIn(sql) { writer in
                var text = CopyText()
                var pending = 0
                for index in 0..<count {
                    row(index, &text)
                    text.endRow()
                    pending += 1
                    if text.isFull {
                        try await writer.send(text.take())
                        progress(pending)
                        pending = 0
                    }
                }
                if pending > 0 {
                    try await writer.send(text.take())
                    progress(pending)
                }
            }
        } catch {
            throw StoreError(mapping: error)
        }
    }

    /// The columns a bulk load may write for `className`: the system columns, the class's stored
    /// fields (and a polymorphic pointer's class column), and `_User`'s hidden ones.
    func copyableColumns(_ className: String) throws(StoreError) -> Set<String> {
        let definition = try model.require(className)
        var known: Set<String> = ["objectId", "createdAt", "updatedAt", "_rperm", "_wperm"]
        known.formUnion(definition.fieldColumns)
        if definition.isUserClass { known.formUnion(TableLayout.userColumns.map(\.0)) }
        return known
    }

    /// Drops a class's secondary indexes (inside the caller's transaction) and returns a script
    /// that recreates them as the migrator derives them: PostgreSQL's advice for bulk loads
    /// ("Populating a Database": create indexes after loading) applied to a fresh seed.
    func dropSecondaryIndexes(_ className: String, on connection: PostgresConnection) async throws(StoreError) -> String {
        let definition = try model.require(className)
        let indexes = try await connection.run("""
            SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid = $1::regclass AND NOT i.indisprimary AND NOT i.indisunique
            """, [.text(SQL.identifier(className))])
        for index in indexes {
            guard let name = index.string(0) else { continue }
            _ = try await connection.run("DROP INDEX \(SQL.identifier(name))", [])
        }
        return TableLayout.statements(for: definition).joined(separator: ";\n")
    }
}
