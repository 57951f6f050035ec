import Foundation
import PostgresClient

/// One cell of an imported row, in its column's type.
public enum ImportCell: Sendable, Equatable {
    case null
    case text(String)
    case number(Double)
    case bool(Bool)
    case date(Date)
    case textArray([String])
    /// JSON text for a `jsonb` column.
    case json(String)
}

/// A role as an import brings it: its users and child roles by objectId.
public struct ImportedRole: Sendable {
    public var objectId: String
    public var name: String
    public var createdAt: Date
    public var updatedAt: Date
    /// nil: no ACL (public), as Parse stores it.
    public var readers: [String]?
    public var writers: [String]?

    public init(objectId: String, name: String, createdAt: Date, updatedAt: Date, readers: [String]?, writers: [String]?) {
        (self.objectId, self.name, self.createdAt, self.updatedAt, self.readers, self.writers) = (objectId, name, createdAt, updatedAt, readers, writers)
    }
}

/// A session as an import brings it; `tokenHash` is the SHA-256 (hex) the store keeps.
public struct ImportedSession: Sendable {
    public var objectId: String
    public var userId: String
    public var tokenHash: String
    public var createdAt: Date
    public var updatedAt: Date
    public var expiresAt: Date?
    public var createdWith: String?
    public var installationId: String?

    public init(objectId: String, userId: String, tokenHash: String, createdAt: Date, updatedAt: Date,
                expiresAt: Date?, createdWith: String?, installationId: String?) {
        (self.objectId, self.userId, self.tokenHash, self.createdAt, self.updatedAt) = (objectId, userId, tokenHash, createdAt, updatedAt)
        (self.expiresAt, self.createdWith, self.installationId) = (expiresAt, createdWith, installationId)
    }
}

/// A pointer column's values that name no object of its target class, after an import.
public struct DanglingPointers: Sendable, Equatable {
    public var className: String
    public var field: String
    public var targetClass: String
    public var count: Int
    public var examples: [String]
}

/// An ACL principal that names no user and no role, after an import.
public struct UnknownPrincipal: Sendable, Equatable {
    public var className: String
    public var principal: String
    public var count: Int
}

/// The transaction of one import (``CRMStore/importing(_:)``): upserts by objectId, so running an
/// import again changes nothing, and what an import left unresolved.
public struct ImportTransaction {
    let store: CRMStore
    let connection: PostgresConnection

    /// Columns an import may write for `className`: the system columns, the class's stored fields
    /// (and a polymorphic pointer's class column), and `_User`'s hidden ones.
    public func importableColumns(_ className: String) throws(StoreError) -> Set<String> {
        try store.copyableColumns(className)
    }

    /// Drops the secondary indexes of `className` when its table is empty, for a faster load
    /// (PostgreSQL's "Populating a Database": create indexes after loading); returns what
    /// ``finishLoad(_:rebuild:)`` runs after it. An upsert into rows already there keeps them.
    public func startLoad(_ className: String) async throws(StoreError) -> String? {
        let empty = try await connection.run("SELECT NOT EXISTS (SELECT 1 FROM \(SQL.identifier(className)))", []).first?.bool(0) ?? false
        return empty ? try await store.dropSecondaryIndexes(className, on: connection) : nil
    }

    /// Rebuilds what ``startLoad(_:)`` dropped and refreshes the planner's statistics.
    public func finishLoad(_ className: String, rebuild: String?) async throws(StoreError) {
        do {
            if let rebuild { try await connection.executeScript(rebuild) }
            try await connection.executeScript("ANALYZE \(SQL.identifier(className))")
        } catch {
            throw StoreError(mapping: error)
        }
    }

    /// Inserts `rows` (cells in `columns` order, `objectId` first) or, for an objectId already
    /// stored, overwrites the given columns. COPY into a temporary table shaped like the class's,
    /// then one `INSERT ... ON CONFLICT ("objectId") DO UPDATE`; a later row with the same
    /// objectId in one call wins.
    public func upsert(className: String, columns: [String], rows: [[ImportCell]]) async throws(StoreError) {
        guard columns.first == "objectId" else { throw StoreError(code: .invalidKeyName, "An import row starts with its objectId.") }
        var latest: [String: Int] = [:]
        for (index, row) in rows.enumerated() { if case .text(let id) = row[0] { latest[id] = index } }
        let kept = rows.indices.filter { index in if case .text(let id) = rows[index][0] { latest[id] == index } else { false } }
        let table = SQL.identifier(className), staging = SQL.identifier("import:\(className)")
        _ = try await connection.run("CREATE TEMP TABLE IF NOT EXISTS \(staging) (LIKE \(table)) ON COMMIT DROP", [])
        _ = try await connection.run("TRUNCATE \(staging)", [])
        try await store.copy(className, columns: columns, count: kept.count, into: staging, on: connection, progress: { _ in }) { index, row in
            for cell in rows[kept[index]] { row.cell(cell) }
        }
        let names = columns.map(SQL.identifier).joined(separator: ", ")
        let rest = columns.dropFirst().map(SQL.identifier)
        let updates = rest.map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
        // A row that is already as imported is not written again: a second run leaves no new row
        // versions and no index work behind.
        let changed = "(\(rest.map { "\(table).\($0)" }.joined(separator: ", "))) IS DISTINCT FROM (\(rest.map { "EXCLUDED.\($0)" }.joined(separator: ", ")))"
        _ = try await connection.run("""
            INSERT INTO \(table) (\(names)) SELECT \(names) FROM \(staging)
            ON CONFLICT ("objectId") DO \(rest.isEmpty ? "NOTHING" : "UPDATE SET \(updates) WHERE \(changed)")
            """, [])
    }

    /// Inserts or overwrites roles by objectId.
    public func upsertRoles(_ roles: [ImportedRole]) async throws(StoreError) {
        guard !roles.isEmpty else { return }
        _ = try await connection.run("""
            INSERT INTO "_Role" ("objectId", "name", "createdAt", "updatedAt", "_rperm", "_wperm")
            SELECT r.id, r.name, r.created::timestamptz, r.updated::timestamptz, r.readers::text[], r.writers::text[]
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS r(id, name, created, updated, readers, writers)
            ON CONFLICT ("objectId") DO UPDATE SET "name" = EXCLUDED."name", "createdAt" = EXCLUDED."createdAt",
                "updatedAt" = EXCLUDED."updatedAt", "_rperm" = EXCLUDED."_rperm", "_wperm" = EXCLUDED."_wperm"
            """, [.textArray(roles.map(\.objectId)), .textArray(roles.map(\.name)),
                  .textArray(roles.map { DateText.postgres($0.createdAt) }), .textArray(roles.map { DateText.postgres($0.updatedAt) }),
                  .textArray(roles.map { $0.readers.map(CopyText.arrayLiteral) }), .textArray(roles.map { $0.writers.map(CopyText.arrayLiteral) })])
    }

    /// Adds role memberships (`_Join:users:_Role` or `_Join:roles:_Role` rows: the member's
    /// objectId, the role's objectId); memberships already there are kept.
    public func addMembers(relation: RoleRelation, _ pairs: [(member: String, role: String)]) async throws(StoreError) {
        guard !pairs.isEmpty else { return }
        _ = try await connection.run("""
            INSERT INTO \(SQL.identifier("_Join:\(relation.rawValue):_Role")) ("relatedId", "owningId")
            SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING
            """, [.textArray(pairs.map(\.member)), .textArray(pairs.map(\.role))])
    }

    /// Inserts or overwrites sessions by objectId.
    public func upsertSessions(_ sessions: [ImportedSession]) async throws(StoreError) {
        guard !sessions.isEmpty else { return }
        _ = try await connection.run("""
            INSERT INTO "_Session" ("objectId", "user", "sessionToken", "createdAt", "updatedAt", "expiresAt", "createdWith", "installationId")
            SELECT s.id, s.usr, s.token, s.created::timestamptz, s.updated::timestamptz, s.expires::timestamptz, s.createdwith::jsonb, s.installation
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
                AS s(id, usr, token, created, updated, expires, createdwith, installation)
            ON CONFLICT ("objectId") DO UPDATE SET "user" = EXCLUDED."user", "sessionToken" = EXCLUDED."sessionToken",
                "createdAt" = EXCLUDED."createdAt", "updatedAt" = EXCLUDED."updatedAt", "expiresAt" = EXCLUDED."expiresAt",
                "createdWith" = EXCLUDED."createdWith", "installationId" = EXCLUDED."installationId"
            """, [.textArray(sessions.map(\.objectId)), .textArray(sessions.map(\.userId)), .textArray(sessions.map(\.tokenHash)),
                  .textArray(sessions.map { DateText.postgres($0.createdAt) }), .textArray(sessions.map { DateText.postgres($0.updatedAt) }),
                  .textArray(sessions.map { $0.expiresAt.map(DateText.postgres) }), .textArray(sessions.map(\.createdWith)),
                  .textArray(sessions.map(\.installationId))])
    }

    /// Per pointer field of every model class, the values naming no stored object of the target
    /// class (up to five examples each).
    public func danglingPointers() async throws(StoreError) -> [DanglingPointers] {
        var found: [DanglingPointers] = []
        for definition in store.model.classes {
            for field in definition.fields where field.type == .pointer {
                for target in field.targetClasses {
                    let column = SQL.identifier(field.name)
                    let sameClass = field.classColumn.map { " AND o.\(SQL.identifier($0)) = \(SQL.literal(target))" } ?? ""
                    let result = try await connection.run("""
                        SELECT count(*)::int, array_to_string((array_agg(o.\(column) ORDER BY o.\(column)))[1:5], ' ') FROM \(SQL.identifier(definition.name)) o
                        WHERE o.\(column) IS NOT NULL\(sameClass)
                          AND NOT EXISTS (SELECT 1 FROM \(SQL.identifier(target)) t WHERE t."objectId" = o.\(column))
                        """, [])
                    let count = result.first?.int(0) ?? 0
                    if count > 0 {
                        found.append(DanglingPointers(className: definition.name, field: field.name, targetClass: target, count: count,
                                                      examples: (result.first?.string(1) ?? "").split(separator: " ").map(String.init)))
                    }
                }
            }
        }
        return found
    }

    /// ACL principals on the model's objects and on roles that name no stored user and no stored role.
    public func unknownPrincipals() async throws(StoreError) -> [UnknownPrincipal] {
        var found: [UnknownPrincipal] = []
        for className in store.model.classes.map(\.name) + ["_Role"] {
            let result = try await connection.run("""
                SELECT p, count(*)::int FROM (SELECT unnest(coalesce("_rperm", '{}') || coalesce("_wperm", '{}')) AS p FROM \(SQL.identifier(className))) x
                WHERE p <> '*'
                  AND NOT (p LIKE 'role:%' AND EXISTS (SELECT 1 FROM "_Role" r WHERE r."name" = substr(p, 6)))
                  AND NOT EXISTS (SELECT 1 FROM "_User" u WHERE u."objectId" = p)
                GROUP BY p ORDER BY p
                """, [])
            for row in result { found.append(UnknownPrincipal(className: className, principal: row.string(0) ?? "", count: row.int(1) ?? 0)) }
        }
        return found
    }
}

/// A role's relation to its members.
public enum RoleRelation: String, Sendable {
    case users, roles
}

extension CRMStore {
    /// Runs an import in one transaction (master only): nothing of it is stored unless `body`
    /// returns, and its rows stay out of the change log (a bulk load is not a stream of events).
    public func importing<T>(context: AccessContext, _ body: (ImportTransaction) async throws -> T) async throws -> T {
        guard context.isMaster else { throw StoreError.forbidden("unauthorized: master key is required") }
        // The pool's transaction, not the store's: the body's own errors (a file that stops the
        // import) reach the caller as they are, not as an internal error.
        return try await pool.transaction { connection in
            try await ChangeLog.skip(on: connection)
            _ = try await connection.run("SET LOCAL maintenance_work_mem = '256MB'", [])
            return try await body(ImportTransaction(store: self, connection: connection))
        }
    }
}
