import APICore
import DealGraphTesting
import CRMGraphQL
import CRMStore
import Testing

@Suite("Mutations and auth")
struct MutationTests {
    @Test("create, update (null unsets), delete; clientMutationId echoed; pointers link and createAndLink")
    func lifecycle() async throws {
        try await TestGateway.run("api_mutations") { fixture in
            let alice = try await fixture.user("alice")
            let company = try await fixture.object("Company", ["name": .string("ACME")], as: alice.access)
            let created = try await fixture.query("""
                mutation { createDeal(input: { clientMutationId: "c1", fields: {
                    title: "ACME renewal", amount: 12000, stage: "proposal", notes: "call back",
                    company: { link: "\(globalId("Company", company))" },
                    contact: { createAndLink: { name: "Bob", company: { link: "\(company)" } } },
                    assignedTo: { link: "\(alice.id)" }, expectedCloseDate: "2025-03-31T00:00:00.000Z" } }) {
                  clientMutationId deal { id objectId title amount notes company { name } contact { name company { name } }
                    assignedTo { username } expectedCloseDate } } }
                """, as: alice.caller)
            let payload = created["data"]["createDeal"]
            #expect(payload["clientMutationId"].string == "c1")
            #expect(payload["deal"]["title"].string == "ACME renewal")
            #expect(payload["deal"]["company"]["name"].string == "ACME")
            #expect(payload["deal"]["contact"]["name"].string == "Bob")
            #expect(payload["deal"]["contact"]["company"]["name"].string == "ACME")
            #expect(payload["deal"]["assignedTo"]["username"].string == "alice")
            #expect(payload["deal"]["expectedCloseDate"].string == "2025-03-31T00:00:00.000Z")
            let id = try #require(payload["deal"]["id"].string)

            let updated = try await fixture.query("""
                mutation { updateDeal(input: { id: "\(id)", clientMutationId: "u1", fields: { stage: "won", notes: null } }) {
                  clientMutationId deal { stage notes title } } }
                """, as: alice.caller)
            #expect(updated["data"]["updateDeal"]["deal"]["stage"].string == "won")
            #expect(updated["data"]["updateDeal"]["deal"]["notes"].isNull)
            #expect(updated["data"]["updateDeal"]["clientMutationId"].string == "u1")

            let deleted = try await fixture.query("mutation { deleteDeal(input: { id: \"\(payload["deal"]["objectId"].string ?? "")\" }) { deal { id title } } }",
                                                  as: alice.caller)
            #expect(deleted["data"]["deleteDeal"]["deal"]["title"].string == "ACME renewal")
            let gone = try await fixture.query("{ deal(id: \"\(id)\") { title } }", as: alice.caller)
            #expect(gone.firstErrorCode == 101)
        }
    }

    @Test("write errors: missing required field 142, link and createAndLink 106, other user's object 101, unknown link 106")
    func writeErrors() async throws {
        try await TestGateway.run("api_mutation_errors") { fixture in
            let alice = try await fixture.user("alice"), bob = try await fixture.user("bob")
            let deal = try await fixture.object("Deal", ["title": .string("Mine")], as: alice.access)
            let missing = try await fixture.query("mutation { createDeal(input: {}) { deal { id } } }", as: alice.caller)
            #expect(missing.firstErrorCode == 142)
            #expect(missing.firstErrorMessage == "title is required.")
            #expect(missing["data"]["createDeal"].isNull)
            let both = try await fixture.query("""
                mutation { createDeal(input: { fields: { title: "x", company: { link: "abc", createAndLink: { name: "n" } } } }) { deal { id } } }
                """, as: alice.caller)
            #expect(both.firstErrorCode == 106)
            let foreign = try await fixture.query("mutation { updateDeal(input: { id: \"\(deal)\", fields: { title: \"stolen\" } }) { deal { title } } }",
                                                  as: bob.caller)
            #expect(foreign.firstErrorCode == 101)
            let deleteForeign = try await fixture.query("mutation { deleteDeal(input: { id: \"\(deal)\" }) { deal { title } } }", as: bob.caller)
            #expect(deleteForeign.firstErrorCode == 101)
            let dangling = try await fixture.query("mutation { createDeal(input: { fields: { title: \"x\", company: { link: \"missing000\" } } }) { deal { id } } }",
                                                   as: alice.caller)
            #expect(dangling.firstErrorCode == 106)
            let check = try await fixture.query("{ deal(id: \"\(deal)\") { title } }", as: alice.caller)
            #expect(check["data"]["deal"]["title"].string == "Mine")
        }
    }

    @Test("an ACL input replaces the ACL; a write the caller cannot read back answers 101")
    func aclInput() async throws {
        try await TestGateway.run("api_mutation_acl") { fixture in
            let alice = try await fixture.user("alice"), bob = try await fixture.user("bob")
            let shared = try await fixture.query("""
                mutation { createDeal(input: { fields: { title: "shared", ACL: { users: [
                  { userId: "\(alice.globalId)", read: true, write: true }, { userId: "\(bob.id)", read: true, write: false }],
                  public: { read: false, write: false } } } }) { deal { objectId ACL { users { userId read write } public { read } } } } }
                """, as: alice.caller)
            let users = shared["data"]["createDeal"]["deal"]["ACL"]["users"].array
            #expect(users.count == 2)
            #expect(shared["data"]["createDeal"]["deal"]["ACL"]["public"].isNull)
            let seen = try await fixture.query("{ deals { count } }", as: bob.caller)
            #expect(seen["data"]["deals"]["count"].int == 1)
            let blind = try await fixture.query("""
                mutation { createDeal(input: { fields: { title: "write-only", ACL: { users: [{ userId: "\(bob.id)", read: true, write: true }] } } }) { deal { id } } }
                """, as: alice.caller)
            #expect(blind.firstErrorCode == 101)
            #expect(try await fixture.query("{ deals { count } }", as: bob.caller)["data"]["deals"]["count"].int == 2)
        }
    }

    @Test("signUp, logIn, viewer and logOut: a taken name is 202, a wrong password 101, logOut ends the session")
    func auth() async throws {
        try await TestGateway.run("api_auth") { fixture in
            let anonymous = Caller.anonymous
            let signUp = try await fixture.query("""
                mutation { signUp(input: { clientMutationId: "s", fields: { username: "carol", password: "secret-pw", email: "carol@example.com" } }) {
                  clientMutationId viewer { sessionToken user { username email } } } }
                """, as: anonymous)
            let token = try #require(signUp["data"]["signUp"]["viewer"]["sessionToken"].string)
            #expect(token.hasPrefix("r:"))
            #expect(signUp["data"]["signUp"]["viewer"]["user"]["username"].string == "carol")
            #expect(signUp["data"]["signUp"]["clientMutationId"].string == "s")
            let taken = try await fixture.query("""
                mutation { signUp(input: { fields: { username: "CAROL", password: "x", email: "c2@example.com" } }) { viewer { sessionToken } } }
                """, as: anonymous)
            #expect(taken.firstErrorCode == 202)

            let wrong = try await fixture.query("mutation { logIn(input: { username: \"carol\", password: \"nope\" }) { viewer { sessionToken } } }",
                                                as: anonymous)
            #expect(wrong.firstErrorCode == 101)
            #expect(wrong.firstErrorMessage == "Invalid username/password.")
            let logIn = try await fixture.query("mutation { logIn(input: { username: \"carol\", password: \"secret-pw\" }) { viewer { sessionToken user { id username } } } }",
                                                as: anonymous)
            let second = try #require(logIn["data"]["logIn"]["viewer"]["sessionToken"].string)
            #expect(second != token)

            let context = try await fixture.store.resolveSession(token: second)
            let credentials = Caller(access: context, sessionToken: second)
            let viewer = try await fixture.query("{ viewer { sessionToken user { username } } }", as: credentials)
            #expect(viewer["data"]["viewer"]["user"]["username"].string == "carol")
            let logOut = try await fixture.query("mutation { logOut(input: { clientMutationId: \"o\" }) { ok clientMutationId } }", as: credentials)
            #expect(logOut["data"]["logOut"]["ok"].bool == true)
            await #expect(throws: StoreError.self) { try await fixture.store.resolveSession(token: second) }
            _ = try await fixture.store.resolveSession(token: token)
            let reset = try await fixture.query("mutation { resetPassword(input: { email: \"carol@example.com\" }) { ok } }", as: anonymous)
            #expect(reset["data"]["resetPassword"]["ok"].bool == true)
        }
    }
}
