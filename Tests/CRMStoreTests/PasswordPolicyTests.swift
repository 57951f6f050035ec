import DealGraphTesting
import Testing
@testable import CRMStore

/// Parse's passwordPolicy: minimum length, a pattern, no username inside, and no reuse of the
/// last N passwords; each refused with 142 on sign-up and on change, and the history kept to N.
@Suite(.timeLimit(.minutes(1))) struct PasswordPolicyTests {
    @Test func newPasswordsMeetThePolicy() async throws {
        try await TestGateway.run("password_policy", configure: { configuration in
            configuration.store.bcryptCost = 4
            configuration.store.passwordPolicy = .init(minimumLength: 8, pattern: "(?=.*[0-9]).*", doNotAllowUsername: true, history: 3)
        }) { f in
            await expectCode(.validationError) { _ = try await f.store.signUp(username: "ann", password: "short1", email: "ann@example.com") }
            await expectCode(.validationError) { _ = try await f.store.signUp(username: "ann", password: "no-digits-here", email: "ann@example.com") }
            await expectCode(.validationError) { _ = try await f.store.signUp(username: "ann", password: "ANN-1234-long", email: "ann@example.com") }
            let ann = try await f.store.signUp(username: "ann", password: "first-pass-1", email: "ann@example.com")
            let access = try await f.store.resolveSession(token: ann.sessionToken)
            func change(_ password: String) async throws(StoreError) {
                _ = try await f.store.update(className: "_User", objectId: ann.user.objectId, fields: ["password": .set(.string(password))],
                                             context: access)
            }
            await expectCode(.validationError) { try await change("first-pass-1") }
            try await change("second-pass-2")
            try await change("third-pass-3")
            await expectCode(.validationError) { try await change("first-pass-1") }
            await expectCode(.validationError) { try await change("second-pass-2") }
            try await change("fourth-pass-4")
            // The oldest of the last three is free again; the history holds two hashes beside the current one.
            try await change("first-pass-1")
            let history = try await f.pool.query(#"SELECT jsonb_array_length("_password_history") FROM "_User" WHERE "username" = 'ann'"#)
            #expect(history.first?.int(0) == 2)
            _ = try await f.store.logIn(username: "ann", password: "first-pass-1")

            // Someone else learns nothing from the history: their change fails on the row, not on the policy.
            let bob = try await f.store.signUp(username: "bob", password: "secret-pass-9", email: "bob@example.com")
            let bobAccess = try await f.store.resolveSession(token: bob.sessionToken)
            await expectCode(.objectNotFound) {
                _ = try await f.store.update(className: "_User", objectId: ann.user.objectId, fields: ["password": .set(.string("fourth-pass-4"))],
                                             context: bobAccess)
            }
        }
    }
}
