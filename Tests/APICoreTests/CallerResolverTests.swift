@testable import APICore
import CRMStore
import DealGraphTesting
import Testing

@Suite("Caller resolution: keys in Parse's order, then the session")
struct CallerResolverTests {
    @Test("keys: application id first, then the master key, then the client key; all compared exactly")
    func keys() async throws {
        try await TestGateway.run("core_keys") { fixture in
            let keys = APIKeys(masterKey: "m-key", applicationId: "app", clientKey: "c-key")
            let resolver = CallerResolver(keys: keys, store: fixture.store)
            func check(_ credentials: Credentials) -> Result<Identity, CallerRejection> {
                Result { () throws(CallerRejection) in try resolver.authenticate(credentials) }
            }
            #expect(check(Credentials(masterKey: "m-key", clientKeys: ["c-key"])) == .failure(.unauthorized), "no app id")
            #expect(check(Credentials(applicationId: "APP", clientKeys: ["c-key"])) == .failure(.unauthorized))
            #expect(check(Credentials(applicationId: "app")) == .failure(.unauthorized), "no client key")
            #expect(check(Credentials(applicationId: "app", clientKeys: ["x", "c-key"]))
                == .success(Identity(isMaster: false, sessionToken: nil)))
            #expect(check(Credentials(applicationId: "app", masterKey: "m-key"))
                == .success(Identity(isMaster: true, sessionToken: nil)), "the master key needs no client key")
            #expect(check(Credentials(applicationId: "app", masterKey: "m-key ", clientKeys: ["c-key"])) == .failure(.unauthorized),
                    "a wrong master key is refused, not ignored")
            #expect(check(Credentials(applicationId: "app", sessionToken: "", masterKey: "", clientKeys: ["c-key"]))
                == .success(Identity(isMaster: false, sessionToken: nil)), "empty values count as absent")
        }
    }

    @Test("sessions: a live token is its user with roles, a bad one 209, none anonymous, master keeps the token")
    func sessions() async throws {
        try await TestGateway.run("core_sessions") { fixture in
            let resolver = CallerResolver(keys: APIKeys(masterKey: "m"), store: fixture.store)
            let alice = try await fixture.admin("alice")
            let caller = try await resolver.resolve(Credentials(sessionToken: alice.token))
            #expect(caller.access.userId == alice.id)
            #expect(caller.access.roleNames == ["Admin"])
            #expect(caller.sessionToken == alice.token)
            #expect(try await resolver.resolve(Credentials()) == .anonymous)
            let master = try await resolver.resolve(Credentials(sessionToken: alice.token, masterKey: "m"))
            #expect(master.access.isMaster && master.sessionToken == alice.token)
            for token in ["r:0123456789abcdef0123456789abcdef", "nope", "r:' OR '1'='1", String(repeating: "r", count: 100_000)] {
                await #expect(throws: CallerRejection.invalidSession(.invalidSessionToken)) {
                    try await resolver.resolve(Credentials(sessionToken: token))
                }
            }
            try await fixture.store.logOut(token: alice.token)
            await #expect(throws: CallerRejection.invalidSession(.invalidSessionToken)) {
                try await resolver.resolve(Credentials(sessionToken: alice.token))
            }
        }
    }

    @Test("secrets compare equal only when every byte matches")
    func constantTime() {
        #expect(ConstantTime.equal("secret", "secret"))
        #expect(!ConstantTime.equal("secret", "secreT"))
        #expect(!ConstantTime.equal("secret", "secret1"))
        #expect(!ConstantTime.equal("", "a"))
        #expect(ConstantTime.equal("", ""))
    }
}
