import DealGraphTesting
import Foundation
import PostgresClient
import Testing
@testable import CRMStore

@Suite struct AuthTests {
    @Test func signUpValidatesHashesAndStoresOnlyTokenHashes() async throws {
        try await TestGateway.run("store_auth_signup") { f in
            let defaultCost = try await f.store { $0.bcryptCost = StoreOptions().bcryptCost; $0.listensForInvalidations = false }
            let result = try await defaultCost.signUp(username: "Alice", password: "secret", email: "Alice@Example.com")
            #expect(SessionToken.isWellFormed(result.sessionToken))
            #expect(result.user["email"] == .string("Alice@Example.com"))
            #expect(result.user["password"] == nil)
            #expect(result.user.acl == ACL.of(read: [result.user.objectId], write: [result.user.objectId]))
            let stored = try await f.pool.query(#"SELECT "_hashed_password" FROM "_User""#)
            let hash = try #require(stored.first?.string(0))
            #expect(hash.hasPrefix("$2") && hash.contains("$10$"))
            let sessions = try await f.pool.query(#"SELECT "sessionToken" FROM "_Session""#)
            #expect(sessions.compactMap { $0.string(0) } == [SessionToken.hash(result.sessionToken)])
            // The stored form is SHA-256 in lowercase hex, as PostgreSQL itself computes it.
            let digest = try await f.pool.query("SELECT encode(sha256(convert_to($1, 'UTF8')), 'hex')", [.text(result.sessionToken)])
            #expect(sessions.first?.string(0) == digest.first?.string(0))
            #expect(SessionToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
            await expectCode(.usernameTaken) { _ = try await f.store.signUp(username: "alice", password: "x", email: "other@example.com") }
            await expectCode(.emailTaken) { _ = try await f.store.signUp(username: "bob", password: "x", email: "ALICE@example.COM") }
            await expectCode(.usernameMissing) { _ = try await f.store.signUp(username: "", password: "x", email: "e@example.com") }
            await expectCode(.passwordMissing) { _ = try await f.store.signUp(username: "carol", password: "", email: "e@example.com") }
            for bad in ["plain", "a@b", "a b@example.com", "@example.com", "a@@example.com"] {
                await expectCode(.invalidEmailAddress) { _ = try await f.store.signUp(username: "dave", password: "x", email: bad) }
            }
        }
    }

    @Test func concurrentSignUpsOfOneNameYieldOneUser() async throws {
        try await TestGateway.run("store_auth_race") { f throws in
            let store = f.store
            let successes = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<8 {
                    group.addTask { (try? await store.signUp(username: index % 2 == 0 ? "Racer" : "racer", password: "p", email: "r\(index)@example.com")) != nil }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(successes == 1)
            #expect(try await f.store.count(className: "_User", context: .master) == 1)
        }
    }

    @Test func logInAnswersAlikeForUnknownUserAndWrongPassword() async throws {
        try await TestGateway.run("store_auth_login") { f in
            let user = try await f.user("erin")
            var messages: [String] = []
            for (name, password) in [("nobody", "pw-erin"), ("erin", "wrong")] {
                do throws(StoreError) { _ = try await f.store.logIn(username: name, password: password) } catch { messages.append("\(error.code) \(error.message)") }
            }
            #expect(messages == ["101 Invalid username/password.", "101 Invalid username/password."])
            #expect(try await f.store.logIn(username: "ERIN", password: "pw-erin").user.objectId == user.id)
            #expect(try await f.store.logIn(username: "erin@example.com", password: "pw-erin").user.objectId == user.id)
            await expectCode(.usernameMissing) { _ = try await f.store.logIn(username: "", password: "x") }
            await expectCode(.passwordMissing) { _ = try await f.store.logIn(username: "erin", password: "") }
            let login = try await f.store.logIn(username: "erin", password: "pw-erin", installationId: "device-1")
            let again = try await f.store.logIn(username: "erin", password: "pw-erin", installationId: "device-1")
            await expectCode(.invalidSessionToken) { _ = try await f.store.resolveSession(token: login.sessionToken) }
            try await f.store.logOut(token: again.sessionToken)
            await expectCode(.invalidSessionToken) { _ = try await f.store.resolveSession(token: again.sessionToken) }
            #expect(try await f.store.resolveSession(token: nil) == .anonymous)
            #expect(try await f.store.resolveSession(token: user.token).userId == user.id)
        }
    }

    @Test func usersArePrivateAndChangeOnlyThemselves() async throws {
        try await TestGateway.run("store_auth_private") { f in
            let a = try await f.user("frank"), b = try await f.user("grace")
            await expectCode(.objectNotFound) { _ = try await f.store.get(className: "_User", objectId: b.id, context: a.access) }
            await expectCode(.objectNotFound) { _ = try await f.store.update(className: "_User", objectId: b.id, fields: ["username": .set(.string("x"))], context: a.access) }
            await expectCode(.sessionMissing) { _ = try await f.store.update(className: "_User", objectId: b.id, fields: [:], context: .anonymous) }
            await expectCode(.sessionMissing) { try await f.store.delete(className: "_User", objectId: b.id, context: .anonymous) }
            await expectCode(.usernameTaken) { _ = try await f.store.update(className: "_User", objectId: a.id, fields: ["username": .set(.string("GRACE"))], context: a.access) }
            // A user cannot lock themselves out through their ACL.
            let updated = try await f.store.update(className: "_User", objectId: a.id, fields: [:], acl: ACL(), context: a.access)
            #expect(updated.object?.acl == ACL.of(read: [a.id], write: [a.id]))
            try await f.store.delete(className: "_User", objectId: a.id, context: a.access)
            await expectCode(.invalidSessionToken) { _ = try await f.store.resolveSession(token: a.token) }
        }
    }
}
