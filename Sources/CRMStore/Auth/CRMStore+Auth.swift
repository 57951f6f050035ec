import Foundation
import PostgresClient

/// A signed-up or logged-in user with a new session.
public struct AuthResult: Sendable, Hashable {
    /// The user as they see themselves (all fields, email included).
    public let user: StoredObject
    /// `r:` + 32 hex characters; send as `X-Parse-Session-Token`. Stored server-side only hashed.
    public let sessionToken: String
}

extension CRMStore {
    /// Signs a user up (CLP `create` on `_User`) and opens a session, in one transaction.
    ///
    /// Username and email are unique case-insensitively (202/203), the email must look like one
    /// (125), the password is hashed with bcrypt off the cooperative pool. The new user is private
    /// (only they can read and write their row).
    public func signUp(username: String, password: String, email: String? = nil, fields: [String: FieldInput] = [:],
                       installationId: String? = nil, context: AccessContext = .anonymous) async throws(StoreError) -> AuthResult {
        guard !username.isEmpty else { throw StoreError(code: .usernameMissing, "Cannot sign up user with an empty username.") }
        guard !password.isEmpty else { throw StoreError(code: .passwordMissing, "Cannot sign up user with an empty password.") }
        let definition = try model.require(ClassModel.userClassName)
        _ = try AccessControl.authorize(.create, on: definition, context: context)
        var inputs = fields
        inputs["username"] = .set(.string(username))
        if let email { inputs["email"] = .set(.string(email)) }
        inputs["password"] = .set(.string(password))
        let validated = try WriteValidation.assignments(inputs, for: definition, isCreate: true, context: context)
        try await enforcePasswordPolicy(validated, userId: nil)
        let assignments = await hashingPasswords(validated)
        let objectId = RandomIdentifier.objectId()
        let newUser = AccessContext.user(objectId)
        return try await transaction { connection in
            let written = try await self.insert(definition, assignments, acl: nil, context: newUser, on: connection,
                                                depth: 0, objectId: objectId)
            let token = try await self.createSession(userId: objectId, action: "signup", installationId: installationId,
                                                     on: connection)
            guard let user = written.object else { throw StoreError.internalError("new user not readable by itself") }
            return AuthResult(user: user, sessionToken: token)
        }
    }

    /// Logs a user in by username (or email) and password and opens a session.
    ///
    /// An unknown user and a wrong password give the same 101 "Invalid username/password." after
    /// the same bcrypt work. With ``StoreOptions/accountLockout`` each attempt first reserves a
    /// try with one atomic UPDATE, so concurrent attempts cannot exceed the threshold.
    public func logIn(username: String, password: String, installationId: String? = nil) async throws(StoreError) -> AuthResult {
        let user = try await verifiedUser(username: username, password: password)
        return try await transaction { connection in
            if self.options.accountLockout != nil {
                _ = try await connection.run("""
                    UPDATE "_User" SET "_failed_login_count" = 0, "_account_lockout_expires_at" = NULL WHERE "objectId" = $1
                    """, [.text(user.objectId)])
            }
            let token = try await self.createSession(userId: user.objectId, action: "login", installationId: installationId,
                                                     on: connection)
            return AuthResult(user: user, sessionToken: token)
        }
    }

    /// The user of a username (or email) and password, without opening a session (Parse's
    /// `/verifyPassword`): the same checks, answers and lockout count as ``logIn(username:password:installationId:)``.
    public func verifyPassword(username: String, password: String) async throws(StoreError) -> StoredObject {
        try await verifiedUser(username: username, password: password)
    }

    private func verifiedUser(username: String, password: String) async throws(StoreError) -> StoredObject {
        guard !username.isEmpty else { throw StoreError(code: .usernameMissing, "username/email is required.") }
        guard !password.isEmpty else { throw StoreError(code: .passwordMissing, "password is required.") }
        let definition = try model.require(ClassModel.userClassName)
        let projection = try Projection(definition: definition, keys: nil,
                                        protected: ProtectedFields(definition: definition, context: .master, defaults: [:]))
        var parameters = SQLParameters()
        let columns = projection.selectList(alias: "t", parameters: &parameters)
        let name = parameters.bind(.text(try ValueValidation.text(username, field: "username")))
        let result = try await query("""
            SELECT \(columns), t."_hashed_password" FROM "_User" t WHERE lower(t."username") = lower(\(name))
              OR lower(t."email") = lower(\(name)) ORDER BY (lower(t."username") = lower(\(name))) DESC LIMIT 1
            """, parameters.values)
        let row = result.first
        let user = try row.map { row throws(StoreError) in try projection.decode(row) }
        let storedHash = row?.string(projection.columnCount)
        if let lockout = options.accountLockout {
            // A name that is no account is counted and locked the same way, so the lockout
            // message cannot tell an attacker which names exist.
            if let user {
                try await reserveLoginAttempt(userId: user.objectId, lockout: lockout)
            } else {
                try await reserveLoginAttempt(unknownName: username.lowercased(), lockout: lockout)
            }
        }
        let valid = await passwords.verify(password, hash: user == nil ? nil : storedHash)
        // An empty ACL locks a user out (Parse: master sets ACL {} to disable an account).
        guard valid, let user, user.acl.map({ !$0.readers.isEmpty }) ?? true else {
            authEvents.failedLogin()
            throw StoreError.invalidLogin
        }
        return user
    }

    /// Counts a login attempt before the password is checked (a success resets the count); once
    /// `threshold` attempts are counted the account is locked for `duration`. One UPDATE, so the
    /// row lock serializes concurrent attempts. Time is the store's clock (`$4`), not the server's.
    private func reserveLoginAttempt(userId: String, lockout: StoreOptions.AccountLockout) async throws(StoreError) {
        let count = #""_failed_login_count""#, until = #""_account_lockout_expires_at""#
        let result = try await query("""
            UPDATE "_User" SET \(Self.lockoutAssignments(count: count, until: until))
            WHERE "objectId" = $1 AND (\(until) IS NULL OR \(until) <= $4)
            RETURNING \(count)
            """, lockoutParameters(userId, lockout))
        if result.isEmpty { throw locked(lockout) }
    }

    /// ``reserveLoginAttempt(userId:lockout:)`` for a name that is no account: the same count and
    /// lock, kept by name. Names idle for a day (and not locked) are forgotten on the way.
    private func reserveLoginAttempt(unknownName name: String, lockout: StoreOptions.AccountLockout) async throws(StoreError) {
        let result = try await query("""
            WITH forget AS (DELETE FROM "_dealgraph_login_failures" WHERE "lastAttempt" < $4 - interval '1 day'
                AND ("lockedUntil" IS NULL OR "lockedUntil" <= $4) AND "name" <> $1)
            INSERT INTO "_dealgraph_login_failures" AS f ("name", "count", "lockedUntil", "lastAttempt")
            VALUES ($1, 1, CASE WHEN 1 >= $2 THEN $4 + make_interval(secs => $3) END, $4)
            ON CONFLICT ("name") DO UPDATE SET \(Self.lockoutAssignments(count: #"f."count""#, until: #"f."lockedUntil""#, target: ("count", "lockedUntil"))),
              "lastAttempt" = $4
            WHERE f."lockedUntil" IS NULL OR f."lockedUntil" <= $4
            RETURNING "count"
            """, lockoutParameters(name, lockout))
        if result.isEmpty { throw locked(lockout) }
    }

    /// The SET list of one counted attempt, for both counters (an account's columns, a name's
    /// row): the count restarts at 1 after an ended lock, and reaching `$2` locks until `$4` plus
    /// `$3` seconds. `count` and `until` read the current values; `target` names the columns set.
    private static func lockoutAssignments(count: String, until: String, target: (String, String)? = nil) -> String {
        let next = "CASE WHEN \(until) IS NOT NULL AND \(until) <= $4 THEN 1 ELSE COALESCE(\(count), 0) + 1 END"
        let (countColumn, untilColumn) = target.map { (SQL.identifier($0.0), SQL.identifier($0.1)) } ?? (count, until)
        return "\(countColumn) = \(next), \(untilColumn) = CASE WHEN (\(next)) >= $2 THEN $4 + make_interval(secs => $3) ELSE NULL END"
    }

    /// `$1` the account or name, `$2` the threshold, `$3` the lock's seconds, `$4` now by the store's clock.
    private func lockoutParameters(_ key: String, _ lockout: StoreOptions.AccountLockout) -> [PostgresValue] {
        [.text(key), .float8(Double(lockout.threshold)), .float8(Double(lockout.duration.components.seconds)), .timestamptz(options.clock.now())]
    }

    /// Parse's answer to a locked account (counted as a lockout refusal).
    private func locked(_ lockout: StoreOptions.AccountLockout) -> StoreError {
        authEvents.lockedOut()
        let minutes = max(1, Int((Double(lockout.duration.components.seconds) / 60).rounded(.up)))
        return StoreError(code: .objectNotFound,
                          "Your account is locked due to multiple failed login attempts. Please try again after \(minutes) minute(s)")
    }
}
