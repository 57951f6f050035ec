import Foundation
import PostgresClient

/// Creates and upgrades the database layout. Versioned (table `_dealgraph_migrations`) and
/// idempotent: every step uses `IF NOT EXISTS`, runs under an advisory lock in one transaction,
/// and the model-derived step re-runs only when the model's DDL changes.
public enum Migrator {
    /// One applied step.
    public struct Step: Sendable, Equatable {
        public let version: Int
        public let name: String
    }

    /// Applies every pending migration; returns the steps that ran (empty when up to date).
    @discardableResult
    public static func run(pool: PostgresPool, model: ClassModel) async throws -> [Step] {
        try await pool.transaction { connection in
            try await run(on: connection, model: model)
        }
    }

    /// The steps: the system tables, then the tables of the model (checksummed: a changed model
    /// re-runs its idempotent DDL), then the `_SCHEMA` rows.
    static func plan(model: ClassModel) -> [(version: Int, name: String, script: String)] {
        let modelScript = model.classes.flatMap(TableLayout.statements(for:)).joined(separator: ";\n") + ";"
        return [
            (1, "parse system tables", TableLayout.systemTables),
            (2, "model tables", modelScript),
            (3, "change log", ChangeLog.script(model: model)),
        ]
    }

    static func run(on connection: PostgresConnection, model: ClassModel) async throws -> [Step] {
        // Serializes concurrent migrators (several instances starting at once).
        _ = try await connection.query("SELECT pg_advisory_xact_lock(7245001)")
        try await connection.executeScript("""
            CREATE TABLE IF NOT EXISTS "_dealgraph_migrations" ("version" integer PRIMARY KEY, "name" text NOT NULL,
                "checksum" text NOT NULL, "appliedAt" timestamp with time zone NOT NULL DEFAULT now())
            """)
        let applied = try await connection.query(#"SELECT "version", "checksum" FROM "_dealgraph_migrations""#)
        var checksums: [Int: String] = [:]
        for row in applied { if let version = row.int(0) { checksums[version] = row.string(1) } }
        var ran: [Step] = []
        for step in plan(model: model) {
            let checksum = Hex.sha256(step.script)
            if checksums[step.version] == checksum { continue }
            try await connection.executeScript(step.script)
            _ = try await connection.query("""
                INSERT INTO "_dealgraph_migrations" ("version", "name", "checksum") VALUES ($1, $2, $3)
                ON CONFLICT ("version") DO UPDATE SET "checksum" = EXCLUDED."checksum", "appliedAt" = now()
                """, [.int4(Int32(step.version)), .text(step.name), .text(checksum)])
            ran.append(Step(version: step.version, name: step.name))
        }
        for definition in model.classes {
            _ = try await connection.query("""
                INSERT INTO "_SCHEMA" ("className", "schema", "isParseClass") VALUES ($1, $2::jsonb, true)
                ON CONFLICT ("className") DO UPDATE SET "schema" = EXCLUDED."schema"
                """, [.text(definition.name), .jsonb(SchemaDocument.json(for: definition))])
        }
        return ran
    }
}
