import Foundation
import PostgresClient

extension CRMStore {
    /// The access context of a request: anonymous without a token, the user of a valid session
    /// with their role closure, 209 "Invalid session token" for an unknown, malformed or revoked
    /// token and 209 "Session token is expired." after expiry (checked on cache hits too).
    public func resolveSession(token: String?) async throws(StoreError) -> AccessContext {
        guard let token, !token.isEmpty else { return .anonymous }
        guard SessionToken.isWellFormed(token) else { throw StoreError.invalidSessionToken }
        let tokenHash = SessionToken.hash(token)
        var session = await accessCache.session(tokenHash: tokenHash)
        if session == nil {
            var result = try await query("""
                SELECT s."user", s."expiresAt" FROM "_Session" s JOIN "_User" u ON u."objectId" = s."user"
                WHERE s."sessionToken" = $1
                """, [.text(tokenHash)])
            if result.first == nil, try await mayHoldClearTokens() {
                // A session Parse Server wrote keeps its token in clear: found by it once, it is
                // stored as its hash from then on (a database served in place; see `migrate --check`).
                result = try await query("""
                    UPDATE "_Session" s SET "sessionToken" = $1 FROM "_User" u
                    WHERE s."sessionToken" = $2 AND u."objectId" = s."user" RETURNING s."user", s."expiresAt"
                    """, [.text(tokenHash), .text(token)])
            }
            guard let row = result.first, let userId = row.string(0) else { throw StoreError.invalidSessionToken }
            var found = AccessCache.Session(userId: userId, expiresAt: row.date(1) ?? .distantFuture)
            let now = options.clock.now(), length = TimeInterval(options.sessionLength.components.seconds)
            if options.expireInactiveSessions, found.expiresAt > now, found.expiresAt.timeIntervalSince(now) < length * 0.99 {
                let extended = Timestamp.now(options.clock).addingTimeInterval(length)
                _ = try await query(#"UPDATE "_Session" SET "expiresAt" = $2 WHERE "sessionToken" = $1"#,
                                    [.text(tokenHash), .timestamptz(extended)])
                found.expiresAt = extended
            }
            await accessCache.store(session: found, tokenHash: tokenHash)
            session = found
        }
        guard let session else { throw StoreError.invalidSessionToken }
        guard session.expiresAt > options.clock.now() else {
            throw StoreError(code: .invalidSessionToken, "Session token is expired.")
        }
        let roles = try await roleClosure(userId: session.userId)
        return AccessContext(kind: .user(userId: session.userId, roleNames: roles), sessionTokenHash: tokenHash)
    }

    /// Whether `_Session` may hold tokens in clear (rows Parse Server wrote), asked of the
    /// database at most once a minute: a database DealGraph created never does, and then an
    /// unknown token costs one statement, not two.
    private func mayHoldClearTokens() async throws(StoreError) -> Bool {
        let now = options.clock.now()
        if let known = clearTokens.withLock({ $0.flatMap { now.timeIntervalSince($0.checked) < 60 ? $0.present : nil } }) { return known }
        let present = try await query(#"SELECT EXISTS (SELECT 1 FROM "_Session" WHERE "sessionToken" !~ $1)"#,
                                      [.text(SessionToken.storedFormPattern)])
            .first?.bool(0) ?? false
        clearTokens.withLock { $0 = (present, now) }
        return present
    }

    /// Every role the user holds (Parse semantics: roles whose `users` contain the user, plus every
    /// role whose `roles` relation contains a held role, transitively), cached briefly.
    public func roleClosure(userId: String) async throws(StoreError) -> Set<String> {
        if let cached = await accessCache.roles(userId: userId) { return cached }
        let result = try await query("""
            WITH RECURSIVE held AS (SELECT "owningId" AS id FROM "_Join:users:_Role" WHERE "relatedId" = $1
              UNION SELECT j."owningId" FROM "_Join:roles:_Role" j JOIN held ON j."relatedId" = held.id)
            SELECT "name" FROM "_Role" WHERE "objectId" IN (SELECT id FROM held)
            """, [.text(userId)])
        let names = Set(result.compactMap { $0.string(0) })
        await accessCache.store(roles: names, userId: userId)
        return names
    }

    /// Revokes the session of this token at once (on every instance). Unknown tokens are ignored.
    public func logOut(token: String) async throws(StoreError) {
        guard SessionToken.isWellFormed(token) else { throw StoreError.invalidSessionToken }
        let tokenHash = SessionToken.hash(token)
        _ = try await query("""
            WITH d AS (DELETE FROM "_Session" WHERE "sessionToken" IN ($1, $4) RETURNING 1)
            SELECT pg_notify($2, $3) FROM d
            """, [.text(tokenHash), .text(Self.invalidationChannel), .text("session:" + tokenHash), .text(token)])
        await accessCache.dropSession(tokenHash: tokenHash)
    }

    /// Creates a session for a user on `connection`; returns the token (only its hash is stored).
    /// A new session for the same installation replaces the previous one (as Parse).
    func createSession(userId: String, action: String, installationId: String?,
                       on connection: PostgresConnection) async throws(StoreError) -> String {
        if let installationId {
            _ = try await connection.run(#"DELETE FROM "_Session" WHERE "user" = $1 AND "installationId" = $2"#,
                                         [.text(userId), .text(installationId)])
        }
        let token = SessionToken.generate()
        let now = Timestamp.now(options.clock)
        let expires = now.addingTimeInterval(TimeInterval(options.sessionLength.components.seconds))
        let createdWith = #"{"action":"\#(action)","authProvider":"password"}"#
        _ = try await connection.run("""
            INSERT INTO "_Session" ("objectId", "createdAt", "updatedAt", "sessionToken", "user", "expiresAt",
              "createdWith", "installationId", "_rperm", "_wperm") VALUES ($1, $2, $2, $3, $4, $5, $6::jsonb, $7, $8::text[], $8::text[])
            """, [.text(RandomIdentifier.objectId()), .timestamptz(now), .text(SessionToken.hash(token)), .text(userId),
                  .timestamptz(expires), .jsonb(createdWith), installationId.map(PostgresValue.text) ?? .null,
                  .textArray([userId])])
        return token
    }

    /// Deletes a user's sessions except one (the caller's own on a password change) and tells
    /// every instance to forget them.
    func revokeSessions(userId: String, except keptHash: String?, on connection: PostgresConnection) async throws(StoreError) {
        _ = try await connection.run("""
            DELETE FROM "_Session" WHERE "user" = $1 AND "sessionToken" IS DISTINCT FROM $2
            """, [.text(userId), keptHash.map(PostgresValue.text) ?? .null])
        for message in AccessCache.messages(forUsers: [userId]) {
            _ = try await connection.run("SELECT pg_notify($1, $2)", [.text(Self.invalidationChannel), .text(message)])
        }
    }
}
