import Foundation
import PostgresClient

/// A `_Session` row as its owner may see it. Tokens are stored hashed, so the token itself is
/// known only for the session of the request that asks (``isCurrent``).
public struct SessionInfo: Sendable, Hashable {
    public let objectId: String
    public let userId: String
    public let createdAt: Date
    public let updatedAt: Date
    public let expiresAt: Date?
    /// `{"action":..., "authProvider":...}` as JSON text.
    public let createdWith: String?
    public let installationId: String?
    /// The session of the request's own token.
    public let isCurrent: Bool
}

extension CRMStore {
    /// The caller's sessions (every session with the master key), newest first; with `objectId`,
    /// that one session or none. Parse refuses `_Session` reads without a session: 209.
    public func sessions(objectId: String? = nil, currentOnly: Bool = false, limit: Int = 100,
                         context: AccessContext) async throws(StoreError) -> [SessionInfo] {
        guard context.isMaster || context.userId != nil else {
            throw StoreError(code: .invalidSessionToken, "Session token required.")
        }
        var conditions: [String] = []
        var parameters = SQLParameters()
        if !context.isMaster, let userId = context.userId {
            conditions.append("s.\"user\" = \(parameters.bind(.text(userId)))")
        }
        if let objectId { conditions.append("s.\"objectId\" = \(parameters.bind(.text(objectId)))") }
        if currentOnly {
            guard let hash = context.sessionTokenHash else { return [] }
            conditions.append("s.\"sessionToken\" = \(parameters.bind(.text(hash)))")
        }
        let current = context.sessionTokenHash.map { "s.\"sessionToken\" = \(parameters.bind(.text($0)))" } ?? "FALSE"
        let filter = conditions.isEmpty ? "TRUE" : conditions.joined(separator: " AND ")
        let result = try await query("""
            SELECT s."objectId", s."user", s."createdAt", s."updatedAt", s."expiresAt", s."createdWith"::text,
              s."installationId", \(current) FROM "_Session" s WHERE \(filter)
            ORDER BY s."createdAt" DESC, s."objectId" LIMIT \(max(0, min(limit, 1000)))
            """, parameters.values)
        return result.compactMap { row in
            guard let objectId = row.string(0), let userId = row.string(1), let createdAt = row.date(2),
                  let updatedAt = row.date(3) else { return nil }
            return SessionInfo(objectId: objectId, userId: userId, createdAt: createdAt, updatedAt: updatedAt,
                               expiresAt: row.date(4), createdWith: row.string(5), installationId: row.string(6),
                               isCurrent: row.bool(7) == true)
        }
    }

    /// Revokes one of the caller's sessions (any with the master key) at once, on every
    /// instance; 101 when there is no such session of theirs.
    public func deleteSession(objectId: String, context: AccessContext) async throws(StoreError) {
        guard context.isMaster || context.userId != nil else {
            throw StoreError(code: .invalidSessionToken, "Session token required.")
        }
        var parameters = SQLParameters()
        var condition = "\"objectId\" = \(parameters.bind(.text(objectId)))"
        if !context.isMaster, let userId = context.userId { condition += " AND \"user\" = \(parameters.bind(.text(userId)))" }
        let channel = parameters.bind(.text(Self.invalidationChannel))
        let result = try await query("""
            WITH d AS (DELETE FROM "_Session" WHERE \(condition) RETURNING "sessionToken")
            SELECT d."sessionToken", pg_notify(\(channel), 'session:' || d."sessionToken") FROM d
            """, parameters.values)
        guard let hash = result.first?.string(0) else { throw StoreError.objectNotFound }
        await accessCache.dropSession(tokenHash: hash)
    }
}
