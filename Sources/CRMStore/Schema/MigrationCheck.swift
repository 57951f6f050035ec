import PostgresClient

/// What `dealgraph migrate` would change in a database, and what it leaves as it is that a
/// person moving in should know: for a database that Parse Server created.
public struct MigrationCheck: Sendable, Equatable {
    /// The changes a migration would make: tables, columns, indexes, triggers, functions, `_SCHEMA` rows.
    public var changes: [String] = []
    /// What differs and stays: e.g. session tokens kept in clear by Parse Server.
    public var notes: [String] = []
}

extension Migrator {
    /// Runs the migration inside a transaction that is rolled back, comparing the catalog before
    /// and after: the database is left exactly as it was.
    public static func check(pool: PostgresPool, model: ClassModel) async throws -> MigrationCheck {
        struct RolledBack: Error { let check: MigrationCheck }
        do {
            try await pool.transaction { connection in
                let before = try await Catalog.snapshot(connection)
                var check = MigrationCheck()
                if before.tables.contains("_Session") {
                    let clear = try await connection.query(#"SELECT count(*)::int FROM "_Session" WHERE "sessionToken" !~ $1"#,
                                                           [.text(SessionToken.storedFormPattern)])
                    if let count = clear.first?.int(0), count > 0 {
                        check.notes.append("""
                            _Session: \(count) sessions keep their token in clear (as Parse Server stores it). They keep \
                            working: DealGraph stores each one as its SHA-256 the first time it is used (after that, \
                            Parse Server no longer finds it); migrate itself leaves the rows as they are.
                            """)
                    }
                }
                _ = try await run(on: connection, model: model)
                let after = try await Catalog.snapshot(connection)
                check.changes = after.changes(since: before)
                throw RolledBack(check: check)
            }
        } catch let rolledBack as RolledBack {
            return rolledBack.check
        }
        return MigrationCheck()
    }
}

/// The parts of the catalog a migration touches, as comparable text.
struct Catalog {
    var tables: Set<String> = []
    var columns: Set<String> = []
    var indexes: [String: String] = [:]
    var triggers: Set<String> = []
    var functions: Set<String> = []
    var schemaRows: [String: String] = [:]

    static func snapshot(_ connection: PostgresConnection) async throws -> Catalog {
        var catalog = Catalog()
        for row in try await connection.query("""
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_class c
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
            """) {
            guard let table = row.string(0), let column = row.string(1), let type = row.string(2) else { continue }
            catalog.tables.insert(table)
            catalog.columns.insert("\(table).\(column) \(type)")
        }
        for row in try await connection.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'") {
            if let name = row.string(0) { catalog.indexes[name] = row.string(1) ?? "" }
        }
        for row in try await connection.query("""
            SELECT t.tgname || ' on ' || c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace
            """) {
            if let trigger = row.string(0) { catalog.triggers.insert(trigger) }
        }
        for row in try await connection.query("SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace") {
            if let function = row.string(0) { catalog.functions.insert(function) }
        }
        if catalog.tables.contains("_SCHEMA") {
            for row in try await connection.query(#"SELECT "className", "schema"::text FROM "_SCHEMA""#) {
                if let name = row.string(0) { catalog.schemaRows[name] = row.string(1) ?? "" }
            }
        }
        return catalog
    }

    /// What `self` has that `before` had not (or had otherwise), one line each, sorted by kind.
    func changes(since before: Catalog) -> [String] {
        var lines: [String] = []
        lines += tables.subtracting(before.tables).sorted().map { "creates table \($0)" }
        lines += columns.subtracting(before.columns).filter { column in
            !tables.subtracting(before.tables).contains { column.hasPrefix($0 + ".") }
        }.sorted().map { "adds column \($0)" }
        lines += indexes.keys.filter { before.indexes[$0] == nil }.sorted().map { "creates index \(indexes[$0]!)" }
        lines += triggers.subtracting(before.triggers).sorted().map { "creates trigger \($0)" }
        lines += functions.subtracting(before.functions).sorted().map { "creates function \($0)" }
        lines += schemaRows.keys.filter { before.schemaRows[$0] != schemaRows[$0] }.sorted().map {
            before.schemaRows[$0] == nil ? "adds the _SCHEMA row of \($0)" : "rewrites the _SCHEMA row of \($0) (the class model's fields and permissions)"
        }
        return lines
    }
}
