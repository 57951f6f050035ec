import Foundation
import PostgresClient

extension CRMStore {
    /// Checks the new clear-text password among `assignments` (if any) against
    /// ``StoreOptions/passwordPolicy``, for the user `userId` (nil: a new user). Refusals are 142,
    /// with Parse's message.
    func enforcePasswordPolicy(_ assignments: [Assignment], userId: String?) async throws(StoreError) {
        guard let policy = options.passwordPolicy,
              let plain = assignments.lazy.compactMap({ if case .password(let plain) = $0 { plain } else { nil } }).first else { return }
        let refused = StoreError(code: .validationError, "Password does not meet the Password Policy requirements.")
        guard plain.count >= policy.minimumLength else { throw refused }
        if let pattern = policy.pattern {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { throw StoreError.internalError("invalid password pattern") }
            let whole = NSRange(plain.startIndex..., in: plain)
            guard regex.firstMatch(in: plain, options: [.anchored], range: whole)?.range == whole else { throw refused }
        }
        var username = assignments.lazy.compactMap { assignment -> String? in
            if case .value(let field, .string(let name)) = assignment, field.name == "username" { name } else { nil }
        }.first
        var previous: [String] = []
        if let userId, policy.doNotAllowUsername || policy.history > 0 {
            let row = try await query(#"SELECT "username", "_hashed_password", "_password_history"::text FROM "_User" WHERE "objectId" = $1"#,
                                      [.text(userId)]).first
            username = username ?? row?.string(0)
            if let current = row?.string(1) { previous.append(current) }
            if let history = row?.string(2), let hashes = try? JSONDecoder().decode([String?].self, from: Data(history.utf8)) {
                previous += hashes.compactMap { $0 }
            }
        }
        if policy.doNotAllowUsername, let username, !username.isEmpty, plain.lowercased().contains(username.lowercased()) {
            throw StoreError(code: .validationError, "Password cannot contain your username.")
        }
        for hash in previous.prefix(policy.history) where await passwords.verify(plain, hash: hash) {
            throw StoreError(code: .validationError, "New password should not be the same as last \(policy.history) passwords.")
        }
    }

    /// Before a password change of `userId` on `connection`: keeps the hash being replaced in
    /// `_password_history`, the latest `history - 1` of them (the current one makes N).
    func rememberPasswordHash(userId: String, on connection: PostgresConnection) async throws(StoreError) {
        guard let history = options.passwordPolicy?.history, history > 1 else { return }
        _ = try await connection.run("""
            UPDATE "_User" SET "_password_history" = (
              SELECT coalesce(jsonb_agg(h ORDER BY i), '[]'::jsonb) FROM (
                SELECT h, i FROM jsonb_array_elements_text(jsonb_build_array("_hashed_password") || coalesce("_password_history", '[]'::jsonb))
                  WITH ORDINALITY AS x(h, i) WHERE h IS NOT NULL ORDER BY i LIMIT $2) kept)
            WHERE "objectId" = $1
            """, [.text(userId), .int4(Int32(history - 1))])
    }
}
