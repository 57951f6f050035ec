import Foundation
import PostgresClient

/// `_User`'s hidden columns that an export carries, so that users keep their passwords.
public struct UserSecrets: Sendable, Equatable {
    public var hashedPassword: String?
    public var emailVerified: Bool?
}

extension CRMStore {
    /// The password hash and email verification of each of `ids` that has either (master only:
    /// for `dealgraph export`, never for an API).
    public func userSecrets(ids: [String], context: AccessContext) async throws(StoreError) -> [String: UserSecrets] {
        guard context.isMaster else { throw StoreError.forbidden("unauthorized: master key is required") }
        let result = try await query("""
            SELECT "objectId", "_hashed_password", "emailVerified" FROM "_User"
            WHERE "objectId" = ANY($1::text[]) AND ("_hashed_password" IS NOT NULL OR "emailVerified" IS NOT NULL)
            """, [.textArray(ids)])
        var secrets: [String: UserSecrets] = [:]
        for row in result {
            guard let id = row.string(0) else { continue }
            secrets[id] = UserSecrets(hashedPassword: row.string(1), emailVerified: row.bool(2))
        }
        return secrets
    }

    /// Every membership of a role relation as (relatedId, owningId), in that order (master only).
    public func roleMemberships(_ relation: RoleRelation, context: AccessContext) async throws(StoreError) -> [(member: String, role: String)] {
        guard context.isMaster else { throw StoreError.forbidden("unauthorized: master key is required") }
        let result = try await query("""
            SELECT "relatedId", "owningId" FROM \(SQL.identifier("_Join:\(relation.rawValue):_Role")) ORDER BY "owningId", "relatedId"
            """, [])
        return result.compactMap { row in row.string(0).flatMap { member in row.string(1).map { (member, $0) } } }
    }

    /// Up to `limit` sessions after objectId `after`, in objectId order, tokens as stored
    /// (SHA-256) (master only).
    public func storedSessions(after: String, limit: Int, context: AccessContext) async throws(StoreError) -> [ImportedSession] {
        guard context.isMaster else { throw StoreError.forbidden("unauthorized: master key is required") }
        let result = try await query("""
            SELECT "objectId", "user", "sessionToken", "createdAt", "updatedAt", "expiresAt", "createdWith"::text, "installationId"
            FROM "_Session" WHERE "objectId" > $1 ORDER BY "objectId" LIMIT \(max(1, min(limit, 10_000)))
            """, [.text(after)])
        return result.compactMap { row in
            guard let id = row.string(0), let user = row.string(1), let token = row.string(2), let created = row.date(3) else { return nil }
            return ImportedSession(objectId: id, userId: user, tokenHash: token, createdAt: created, updatedAt: row.date(4) ?? created,
                                   expiresAt: row.date(5), createdWith: row.string(6), installationId: row.string(7))
        }
    }
}
