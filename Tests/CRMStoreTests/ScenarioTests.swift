import DealGraphTesting
import Foundation
import PostgresClient
import Testing
@testable import CRMStore

/// The security scenarios of Parse Server's own test suite, on the CRM classes: ACLs, CLPs,
/// roles, pointer permissions, protected fields, sessions, lockout and hostile identifiers.
@Suite struct ScenarioTests {
    @Test func ownerOnlyObjectsAreHiddenFromEveryoneElse() async throws {
        try await TestGateway.run("store_s01") { f in
            let owner = try await f.user("owner"), other = try await f.user("other")
            let id = try await f.deal("Private", acl: .of(read: [owner.id], write: [owner.id]), as: owner.access)
            for context in [AccessContext.anonymous, other.access] {
                await expectCode(.objectNotFound) { _ = try await f.store.get(className: "Deal", objectId: id, context: context) }
                await expectCode(.objectNotFound) { _ = try await f.store.update(className: "Deal", objectId: id, fields: ["amount": .set(.number(1))], context: context) }
                await expectCode(.objectNotFound) { try await f.store.delete(className: "Deal", objectId: id, context: context) }
            }
            #expect(try await f.store.find(className: "Deal", context: other.access).isEmpty)
            #expect(try await f.store.count(className: "Deal", context: other.access) == 0)
            #expect(try await f.store.get(className: "Deal", objectId: id, context: owner.access)["title"] == .string("Private"))
            _ = try await f.store.update(className: "Deal", objectId: id, fields: ["amount": .set(.number(1))], context: owner.access)
            try await f.store.delete(className: "Deal", objectId: id, context: owner.access)
        }
    }

    @Test func publicReadOwnerWriteObjectsAreReadableButNotWritableByOthers() async throws {
        try await TestGateway.run("store_s02") { f in
            let owner = try await f.user("owner"), other = try await f.user("other")
            let id = try await f.deal("Shared", acl: .of(read: ["*"], write: [owner.id]), as: owner.access)
            #expect(try await f.store.get(className: "Deal", objectId: id, context: other.access).objectId == id)
            await expectCode(.objectNotFound) { _ = try await f.store.update(className: "Deal", objectId: id, fields: ["amount": .set(.number(1))], context: other.access) }
            await expectCode(.objectNotFound) { try await f.store.delete(className: "Deal", objectId: id, context: other.access) }
        }
    }

    @Test func aWriteOnlyACLEntryMayUpdateButNotRead() async throws {
        try await TestGateway.run("store_s03") { f in
            let owner = try await f.user("owner"), writer = try await f.user("writer")
            let id = try await f.deal("W", acl: .of(read: [owner.id], write: [owner.id, writer.id]), as: owner.access)
            let result = try await f.store.update(className: "Deal", objectId: id, fields: ["amount": .set(.number(7))], context: writer.access)
            #expect(result.object == nil)
            await expectCode(.objectNotFound) { _ = try await f.store.get(className: "Deal", objectId: id, context: writer.access) }
            #expect(try await f.store.get(className: "Deal", objectId: id, context: owner.access)["amount"] == .number(7))
        }
    }

    @Test func anEmptyACLLeavesObjectsAndLogInsToTheMasterKey() async throws {
        try await TestGateway.run("store_s04") { f in
            let owner = try await f.user("owner")
            let id = try await f.deal("Locked", acl: ACL(), as: owner.access)
            await expectCode(.objectNotFound) { _ = try await f.store.get(className: "Deal", objectId: id, context: owner.access) }
            #expect(try await f.store.get(className: "Deal", objectId: id, context: .master).objectId == id)
            let locked = try await f.user("locked")
            _ = try await f.store.update(className: "_User", objectId: locked.id, fields: [:], acl: ACL(), context: .master)
            await expectCode(.objectNotFound) { _ = try await f.store.logIn(username: "locked", password: "pw-locked") }
            _ = try await f.store.logIn(username: "owner", password: "pw-owner")
        }
    }

    @Test func inheritedRolesGrantAccessAndRevocationReachesEveryInstance() async throws {
        try await TestGateway.run("store_s05", configure: { $0.store.accessCacheLifetime = .seconds(60) }) { f in
            let member = try await f.user("member"), owner = try await f.user("owner")
            try await f.store.createRole(name: "Sales", context: .master)
            try await f.store.createRole(name: "Juniors", users: [member.id], context: .master)
            // Holders of Juniors inherit Sales (Sales.roles contains Juniors).
            try await f.store.updateRole(name: "Sales", addRoles: ["Juniors"], context: .master)
            let id = try await f.deal("For sales", acl: .of(read: ["role:Sales"], write: [owner.id]), as: owner.access)
            let otherInstance = try await f.otherInstance()
            let contextHere = try await f.refreshed(member)
            let contextThere = try await otherInstance.resolveSession(token: member.token)
            #expect(contextHere.roleNames == ["Sales", "Juniors"])
            #expect(try await otherInstance.get(className: "Deal", objectId: id, context: contextThere).objectId == id)
            // Immediate invalidation: here at once, on the other instance via NOTIFY.
            try await f.store.updateRole(name: "Juniors", removeUsers: [member.id], context: .master)
            #expect(try await f.refreshed(member).roleNames.isEmpty)
            #expect(try await waitUntil { try await otherInstance.resolveSession(token: member.token).roleNames.isEmpty })
            await expectCode(.objectNotFound) { _ = try await f.store.get(className: "Deal", objectId: id, context: try await f.refreshed(member)) }
            // TTL path: a change made behind the store's back is seen once the cache lifetime ends,
            // by the store's clock.
            let lifetime = Duration.seconds(2)
            let clock = TestClock()
            let shortLived = try await f.store { $0.accessCacheLifetime = lifetime; $0.listensForInvalidations = false; $0.clock = clock }
            _ = try await shortLived.resolveSession(token: member.token)
            _ = try await f.pool.query(#"INSERT INTO "_Join:users:_Role" ("relatedId", "owningId") SELECT $1, "objectId" FROM "_Role" WHERE "name" = 'Sales'"#, [.text(member.id)])
            #expect(try await shortLived.resolveSession(token: member.token).roleNames.isEmpty)
            clock.advance(by: lifetime - .milliseconds(1))
            #expect(try await shortLived.resolveSession(token: member.token).roleNames.isEmpty)
            clock.advance(by: .milliseconds(1))
            #expect(try await shortLived.resolveSession(token: member.token).roleNames == ["Sales"])
            // A clock set back before the entries were stored does not lengthen their life.
            let settled = try await f.store { $0.accessCacheLifetime = lifetime; $0.listensForInvalidations = false; $0.clock = clock }
            _ = try await settled.resolveSession(token: member.token)
            _ = try await f.pool.query(#"DELETE FROM "_Join:users:_Role" WHERE "relatedId" = $1"#, [.text(member.id)])
            clock.advance(by: .seconds(-1))
            #expect(try await settled.resolveSession(token: member.token).roleNames.isEmpty)
        }
    }

    @Test func clpAndACLMustBothAllow() async throws {
        try await TestGateway.run("store_s06") { f in
            let user1 = try await f.user("user1"), user2 = try await f.user("user2")
            var clp = f.store.model.definition("Deal")!.permissions
            clp.operations[.get] = OperationPermission(userIds: [user1.id])
            let store = try await f.store(permissions: clp)
            let id = try await f.deal("Both", acl: .of(read: [user2.id], write: [user2.id]), as: .master)
            await expectCode(.objectNotFound) { _ = try await store.get(className: "Deal", objectId: id, context: user1.access) }
            await expectCode(.operationForbidden) { _ = try await store.get(className: "Deal", objectId: id, context: user2.access) }
        }
    }

    @Test func classesRequiringAuthenticationRefuseAnonymousCallers() async throws {
        try await TestGateway.run("store_s07") { f in
            let anyone = try await f.user("anyone")
            await expectCode(.objectNotFound) { _ = try await f.store.find(className: "Deal", context: .anonymous) }
            await expectCode(.objectNotFound) { _ = try await f.store.count(className: "Company", context: .anonymous) }
            await expectCode(.objectNotFound) { _ = try await f.store.create(className: "Deal", fields: ["title": .set(.string("x"))], context: .anonymous) }
            #expect(try await f.store.find(className: "Deal", context: anyone.access).isEmpty)
        }
    }

    @Test func anOperationTheCLPOmitsIsClosed() async throws {
        try await TestGateway.run("store_s08") { f in
            let user = try await f.user("user")
            let store = try await f.store(permissions: ClassLevelPermissions(operations: [.find: .open]))
            #expect(try await store.find(className: "Deal", context: user.access).isEmpty)
            await expectCode(.operationForbidden) { _ = try await store.create(className: "Deal", fields: ["title": .set(.string("x"))], context: user.access) }
            await expectCode(.operationForbidden) { _ = try await store.count(className: "Deal", context: user.access) }
            _ = try await store.create(className: "Deal", fields: ["title": .set(.string("master"))], context: .master)
        }
    }

    @Test func pointerPermissionsLimitReadsToTheAssignedUser() async throws {
        try await TestGateway.run("store_s09") { f in
            let alice = try await f.user("alice"), bob = try await f.user("bob")
            let store = try await f.store(permissions: ClassLevelPermissions(operations: [.get: .closed, .find: .closed, .count: .closed, .create: .closed],
                                                                             readUserFields: ["assignedTo"]))
            let mine = try await f.deal("Alice's", acl: .publicReadWrite, extra: ["assignedTo": .set(.string(alice.id))], as: .master)
            let theirs = try await f.deal("Bob's", acl: .publicReadWrite, extra: ["assignedTo": .set(.string(bob.id))], as: .master)
            #expect(try await store.find(className: "Deal", context: alice.access).map(\.objectId) == [mine])
            #expect(try await store.get(className: "Deal", objectId: mine, context: alice.access).objectId == mine)
            await expectCode(.objectNotFound) { _ = try await store.get(className: "Deal", objectId: theirs, context: alice.access) }
            await expectCode(.operationForbidden) { _ = try await store.create(className: "Deal", fields: ["title": .set(.string("x"))], context: alice.access) }
            #expect(try await store.find(className: "Deal", context: .anonymous).isEmpty)
        }
    }

    @Test func protectedFieldsAreHiddenAndCannotBeQueried() async throws {
        try await TestGateway.run("store_s10") { f in
            let user = try await f.user("user")
            var clp = f.store.model.definition("Deal")!.permissions
            clp.protectedFields = ["*": ["notes", "stage"], "authenticated": ["stage"]]
            let store = try await f.store(permissions: clp)
            let id = try await f.deal("P", acl: .publicReadWrite, extra: ["notes": .set(.string("n")), "stage": .set(.string("won"))], as: .master)
            let seen = try await store.get(className: "Deal", objectId: id, context: user.access)
            #expect(seen["notes"] == .string("n") && seen["stage"] == nil)
            #expect(try await store.get(className: "Deal", objectId: id, context: .master)["stage"] == .string("won"))
            await expectCode(.operationForbidden) { _ = try await store.find(className: "Deal", where: .field("stage", [.equalTo(.string("won"))]), context: user.access) }
            await expectCode(.operationForbidden) { _ = try await store.find(className: "Deal", where: .or([.field("title", [.exists(true)]), .field("stage", [.exists(true)])]), context: user.access) }
            await expectCode(.operationForbidden) { _ = try await store.find(className: "Deal", order: [.ascending("stage")], context: user.access) }
            await expectCode(.operationForbidden) { _ = try await store.count(className: "Deal", where: .nor([.field("stage", [.exists(false)])]), context: user.access) }
            // The _User default: email hidden from others, visible to oneself.
            let other = try await f.user("other")
            _ = try await f.store.update(className: "_User", objectId: other.id, fields: [:], acl: .of(read: ["*"], write: [other.id]), context: other.access)
            #expect(try await f.store.get(className: "_User", objectId: other.id, context: user.access)["email"] == nil)
            #expect(try await f.store.get(className: "_User", objectId: other.id, context: other.access)["email"] == .string("other@example.com"))
        }
    }

    @Test func unreadablePointerTargetsResolveToNothing() async throws {
        try await TestGateway.run("store_s11") { f in
            let owner = try await f.user("owner"), other = try await f.user("other")
            let hidden = try await f.store.create(className: "Company", fields: ["name": .set(.string("Hidden"))], context: owner.access).objectId
            let deal = try await f.deal("Visible", acl: .publicReadWrite, extra: ["company": .set(.string(hidden))], as: owner.access)
            let seen = try await f.store.get(className: "Deal", objectId: deal, context: other.access)
            let target = try #require(seen["company"]?.pointerObjectId)
            #expect(try await f.store.loadByIds(className: "Company", ids: [target], context: other.access) == [nil])
            let closed = try await f.store(permissions: ClassLevelPermissions(operations: [:]), for: "Company")
            await expectCode(.operationForbidden) { _ = try await closed.loadByIds(className: "Company", ids: [target], context: owner.access) }
            await expectCode(.operationForbidden) { _ = try await closed.count(className: "Deal", where: .field("company", [.have(.and([]), targetClass: nil)]), context: owner.access) }
        }
    }

    @Test func sessionsArePrivateExpireByTheStoreClockAndEndAtLogOut() async throws {
        try await TestGateway.run("store_s12", configure: { $0.store.accessCacheLifetime = .seconds(60) }) { f in
            let user = try await f.user("user")
            await expectCode(.operationForbidden) { _ = try await f.store.find(className: "_Session", context: user.access) }
            let otherInstance = try await f.otherInstance()
            _ = try await otherInstance.resolveSession(token: user.token)
            try await f.store.logOut(token: user.token)
            await expectCode(.invalidSessionToken) { _ = try await f.store.resolveSession(token: user.token) }
            #expect(await waitUntil { (try? await otherInstance.resolveSession(token: user.token)) == nil })
            // Expiry follows the store's clock, and is checked on cache hits too (the lifetime is 60 s).
            let clock = TestClock()
            let expiring = try await f.store { $0.sessionLength = .seconds(1); $0.clock = clock }
            let login = try await expiring.logIn(username: "user", password: "pw-user")
            _ = try await expiring.resolveSession(token: login.sessionToken)
            clock.advance(by: .milliseconds(999))
            #expect(try await expiring.resolveSession(token: login.sessionToken).userId == user.id)
            clock.advance(by: .milliseconds(101))
            await expectCode(.invalidSessionToken) { _ = try await expiring.resolveSession(token: login.sessionToken) }
            await expectCode(.invalidSessionToken) { _ = try await f.store { $0.clock = clock }.resolveSession(token: login.sessionToken) }
            await expectCode(.invalidSessionToken) { _ = try await f.store.resolveSession(token: "r:" + String(repeating: "0", count: 32)) }
            await expectCode(.invalidSessionToken) { _ = try await f.store.resolveSession(token: "r:'; DROP TABLE \"_Session\"; --") }
        }
    }

    @Test func anUnknownTokenCostsOneStatementWhereNoTokenIsInClear() async throws {
        try await TestGateway.run("store_unknown_token") { f in
            _ = try await f.user("user") // a session stored as its hash only
            let start = f.pool.statementCount
            await expectCode(.invalidSessionToken) { _ = try await f.store.resolveSession(token: "r:" + String(repeating: "a", count: 32)) }
            let first = f.pool.statementCount - start
            await expectCode(.invalidSessionToken) { _ = try await f.store.resolveSession(token: "r:" + String(repeating: "b", count: 32)) }
            let second = f.pool.statementCount - start - first
            #expect(first == 2, "the lookup, and once the question whether any token is in clear")
            #expect(second == 1, "the lookup only")
        }
    }

    @Test func sessionsInUseStayAliveWithExpireInactiveSessions() async throws {
        try await TestGateway.run("store_inactive_sessions") { f in
            _ = try await f.user("user")
            for extending in [true, false] {
                let clock = TestClock()
                let store = try await f.store { $0.sessionLength = .seconds(100); $0.expireInactiveSessions = extending; $0.clock = clock }
                let login = try await store.logIn(username: "user", password: "pw-user")
                clock.advance(by: .seconds(60))
                _ = try await store.resolveSession(token: login.sessionToken) // used: extended to 160 s when extending
                clock.advance(by: .seconds(60))
                if extending {
                    _ = try await store.resolveSession(token: login.sessionToken) // 120 s: alive, extended to 220 s
                    clock.advance(by: .seconds(101))
                }
                // Without use for longer than the length (or past it without extension): expired.
                await expectCode(.invalidSessionToken) { _ = try await store.resolveSession(token: login.sessionToken) }
            }
        }
    }

    @Test func aPasswordChangeRevokesTheOtherSessions() async throws {
        try await TestGateway.run("store_s13") { f in
            let user = try await f.user("user")
            let second = try await f.store.logIn(username: "user", password: "pw-user")
            _ = try await f.store.update(className: "_User", objectId: user.id, fields: ["password": .set(.string("new-pw"))], context: user.access)
            await expectCode(.invalidSessionToken) { _ = try await f.store.resolveSession(token: second.sessionToken) }
            #expect(try await f.store.resolveSession(token: user.token).userId == user.id)
            await expectCode(.objectNotFound) { _ = try await f.store.logIn(username: "user", password: "pw-user") }
            _ = try await f.store.logIn(username: "user", password: "new-pw")
        }
    }

    @Test func lockoutHoldsUnderConcurrencyAndEndsByTheStoreClock() async throws {
        let clock = TestClock()
        try await TestGateway.run("store_s14", configure: { $0.store.accountLockout = .init(threshold: 3, duration: .seconds(2)); $0.store.clock = clock }) { f in
            _ = try await f.user("target")
            let store = f.store
            let outcomes = await withTaskGroup(of: String.self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        do { _ = try await store.logIn(username: "target", password: "wrong"); return "ok" } catch let error as StoreError {
                            return error.message.hasPrefix("Your account is locked") ? "locked" : "invalid"
                        } catch { return "other" }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == "invalid" }.count == 3)
            #expect(outcomes.filter { $0 == "locked" }.count == 7)
            await expectCode(.objectNotFound) { _ = try await store.logIn(username: "target", password: "pw-target") }
            // The lockout ends by the store's clock, not PostgreSQL's.
            clock.advance(by: .milliseconds(1999))
            await expectCode(.objectNotFound) { _ = try await store.logIn(username: "target", password: "pw-target") }
            clock.advance(by: .milliseconds(101))
            _ = try await store.logIn(username: "target", password: "pw-target")
            let count = try await f.pool.query(#"SELECT "_failed_login_count" FROM "_User" WHERE "username" = 'target'"#)
            #expect(count.first?.double(0) == 0)
        }
    }

    @Test func lockoutCountsNamesThatAreNoAccountTheSameWay() async throws {
        let clock = TestClock()
        try await TestGateway.run("store_lockout_unknown", configure: { $0.store.accountLockout = .init(threshold: 3, duration: .seconds(60)); $0.store.clock = clock }) { f in
            _ = try await f.user("real")
            func answers(_ name: String, _ count: Int) async -> [String] {
                var seen: [String] = []
                for _ in 0..<count {
                    do { _ = try await f.store.logIn(username: name, password: "wrong"); seen.append("ok") } catch {
                        seen.append("\(error.code.rawValue) \(error.message)")
                    }
                }
                return seen
            }
            let real = await answers("real", 5), ghost = await answers("ghost", 5)
            #expect(real == ghost, "a name that is no account answers exactly like an account")
            #expect(real.prefix(3).allSatisfy { $0 == "101 Invalid username/password." })
            #expect(real.suffix(2).allSatisfy { $0.hasPrefix("101 Your account is locked") })
            #expect(await answers("GHOST", 1).first?.hasPrefix("101 Your account is locked") == true, "names are counted case-insensitively")
            // The lock ends by the store's clock; the count starts again.
            clock.advance(by: .seconds(61))
            #expect(await answers("ghost", 1) == ["101 Invalid username/password."])
            // A name idle for a day and not locked is forgotten when another is counted.
            clock.advance(by: .seconds(86_401))
            _ = await answers("someone", 1)
            let kept = try await f.pool.query(#"SELECT "name" FROM "_dealgraph_login_failures" ORDER BY 1"#).compactMap { $0.string(0) }
            #expect(kept == ["someone"])
        }
    }

    // LiveQuery events belong to the subscription layer; the store's part, one NOTIFY per
    // committed change, is ReadWriteTests.everyCommittedWriteIsAnnounced.

    @Test func roleStringsAreNeverUserIds() async throws {
        try await TestGateway.run("store_s16") { f in
            let user = try await f.user("user")
            #expect(Principal(stored: "role:Admin") == .role("Admin"))
            await expectCode(.invalidACL) { _ = try await f.deal("X", acl: ACL(readers: [.user("role:Admin")]), as: user.access) }
            await expectCode(.invalidPointer) { _ = try await f.deal("X", extra: ["assignedTo": .set(.string("role:Admin"))], as: user.access) }
            try await f.store.createRole(name: "Admin", context: .master)
            let id = try await f.deal("Admins only", acl: .of(read: ["role:Admin"], write: []), as: .master)
            await expectCode(.objectNotFound) { _ = try await f.store.get(className: "Deal", objectId: id, context: user.access) }
        }
    }

    @Test func hostileSQLIdentifiersAreRejected() async throws {
        try await TestGateway.run("store_s17") { f in
            let user = try await f.user("user")
            try await f.deal("Row", as: user.access)
            let before = try await f.pool.fingerprint("Deal")
            let hostile = ["title\"; DROP TABLE \"Deal\"; --", "_rperm", "_hashed_password", "ACL", "title OR 1=1", "\"objectId\""]
            for name in hostile {
                await expectCode(.invalidQuery) { _ = try await f.store.find(className: "Deal", where: .field(name, [.exists(true)]), context: user.access) }
                await expectCode(.invalidQuery) { _ = try await f.store.find(className: "Deal", order: [.ascending(name)], context: user.access) }
                if name != "ACL" {  // system fields are always returned; naming them in keys is harmless
                    await expectCode(.invalidQuery) { _ = try await f.store.find(className: "Deal", keys: [name], context: user.access) }
                }
                await expectCode(.invalidKeyName) { _ = try await f.store.create(className: "Deal", fields: ["title": .set(.string("t")), name: .set(.string("x"))], context: user.access) }
            }
            await expectCode(.operationForbidden) { _ = try await f.store.find(className: "Deal\"; --", context: user.access) }
            #expect(try await f.pool.fingerprint("Deal") == before)
        }
    }
}
