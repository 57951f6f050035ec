import DealGraphTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import DealGraphServer

/// The API through HTTP on a real port, on a seeded database: auth, reads, writes, access
/// control, error codes and limits. Each refusal is followed by a health check.
@Suite("End to end: the CRM API over HTTP", .serialized)
struct CRMEndToEndTests {
    static let nested = """
        query Nested($first: Int) { deals(first: $first) { edges { node {
          title contact { name company { name } } company { name } assignedTo { username } } } } }
        """

    @Test("logIn, viewer, logOut: the token works until logOut, then is 400 code 209")
    func sessions() async throws {
        try await DemoCRM.run { crm in
            let token = try await crm.logIn("alice")
            let viewer = try await crm.graphQL("{ viewer { sessionToken user { username } } }", token: token)
            #expect(viewer.json["data"]["viewer"]["user"]["username"].string == "alice")
            #expect(viewer.json["data"]["viewer"]["sessionToken"].string == token)

            let wrong = try await crm.graphQL(#"mutation { logIn(input: {username: "alice", password: "nope"}) { viewer { sessionToken } } }"#)
            #expect(wrong.json.firstErrorCode == 101)
            #expect(wrong.json.firstErrorMessage == "Invalid username/password.")

            let out = try await crm.graphQL("mutation { logOut(input: {}) { ok } }", token: token)
            #expect(out.json["data"]["logOut"]["ok"].bool == true)
            let after = try await crm.graphQL("{ viewer { user { username } } }", token: token)
            #expect(after.status == .badRequest)
            #expect(after.text == #"{"code":209,"error":"Invalid session token"}"#)
            #expect(try await crm.server.isHealthy())

            let signUp = try await crm.graphQL(#"""
                mutation { signUp(input: {fields: {username: "dave", password: "pw-dave-1", email: "dave@example.com"}}) {
                  viewer { sessionToken user { username } } } }
                """#)
            #expect(signUp.json["data"]["signUp"]["viewer"]["user"]["username"].string == "dave")
            let taken = try await crm.graphQL(#"""
                mutation { signUp(input: {fields: {username: "DAVE", password: "x", email: "d2@example.com"}}) { viewer { sessionToken } } }
                """#)
            #expect(taken.json.firstErrorCode == 202)
        }
    }

    @Test("two users do not see each other's deals; Admin sees both; anonymous sees none")
    func visibility() async throws {
        try await DemoCRM.run { crm in
            let query = "{ deals(first: 1000) { count edges { node { objectId assignedTo { username } } } } }"
            var ids: [String: Set<String>] = [:]
            for name in ["alice", "bob", "admin"] {
                let response = try await crm.graphQL(query, token: try await crm.logIn(name))
                let edges = response.json["data"]["deals"]["edges"].array
                ids[name] = Set(edges.compactMap { $0["node"]["objectId"].string })
                #expect(response.json["data"]["deals"]["count"].int == edges.count)
            }
            let alice = ids["alice"]!, bob = ids["bob"]!, admin = ids["admin"]!
            #expect(!alice.isEmpty && !bob.isEmpty)
            #expect(admin.count == 300)
            #expect(alice.isSubset(of: admin) && bob.isSubset(of: admin))
            #expect(alice != admin && bob != admin)
            // A deal alice cannot read is "not found" for her, not "forbidden".
            let hidden = try #require(admin.subtracting(alice).first)
            let denied = try await crm.graphQL("{ deal(id: \"\(hidden)\") { title } }", token: try await crm.logIn("alice"))
            #expect(denied.json.firstErrorCode == 101)
            let anonymous = try await crm.graphQL(query)
            #expect(anonymous.json["data"]["deals"].isNull)
            #expect(anonymous.json.firstErrorCode != nil)
        }
    }

    @Test("create, update and delete through mutations, with nested pointers and payload re-reads")
    func mutations() async throws {
        try await DemoCRM.run { crm in
            let token = try await crm.logIn("bob")
            let created = try await crm.graphQL(#"""
                mutation { createCompany(input: {clientMutationId: "c1", fields: {name: "Initech"}}) {
                  clientMutationId company { id objectId name } } }
                """#, token: token)
            #expect(created.json["data"]["createCompany"]["clientMutationId"].string == "c1")
            let companyId = try #require(created.json["data"]["createCompany"]["company"]["objectId"].string)
            let deal = try await crm.graphQL("""
                mutation($company: ID!) { createDeal(input: {fields: {title: "Pilot", amount: 1200, stage: "lead",
                  company: {link: $company}, contact: {createAndLink: {name: "Peter"}}}}) {
                  deal { id objectId title amount company { name } contact { name } } } }
                """, variables: #"{"company":"\#(companyId)"}"#, token: token)
            #expect(deal.json["data"]["createDeal"]["deal"]["company"]["name"].string == "Initech")
            #expect(deal.json["data"]["createDeal"]["deal"]["contact"]["name"].string == "Peter")
            let dealId = try #require(deal.json["data"]["createDeal"]["deal"]["id"].string)

            let updated = try await crm.graphQL("""
                mutation($id: ID!) { updateDeal(input: {id: $id, fields: {stage: "won", notes: null}}) { deal { stage notes } } }
                """, variables: #"{"id":"\#(dealId)"}"#, token: token)
            #expect(updated.json["data"]["updateDeal"]["deal"]["stage"].string == "won")

            let node = try await crm.graphQL("{ node(id: \"\(dealId)\") { ... on Deal { title } } }", token: token)
            #expect(node.json["data"]["node"]["title"].string == "Pilot")

            let foreign = try await crm.graphQL("""
                mutation($id: ID!) { updateDeal(input: {id: $id, fields: {stage: "lost"}}) { deal { stage } } }
                """, variables: #"{"id":"\#(dealId)"}"#, token: try await crm.logIn("carol"))
            #expect(foreign.json.firstErrorCode == 101)

            let deleted = try await crm.graphQL("""
                mutation($id: ID!) { deleteDeal(input: {id: $id}) { deal { title } } }
                """, variables: #"{"id":"\#(dealId)"}"#, token: token)
            #expect(deleted.json["data"]["deleteDeal"]["deal"]["title"].string == "Pilot")
            let gone = try await crm.graphQL("{ deal(id: \"\(dealId)\") { title } }", token: token)
            #expect(gone.json.firstErrorCode == 101)
        }
    }

    @Test("health is true, the admin's dealPipeline counts every demo deal, reverse connections page under each deal")
    func reads() async throws {
        try await DemoCRM.run { crm in
            let token = try await crm.logIn("admin")
            #expect(try await crm.graphQL("{ health }").json["data"]["health"].bool == true)
            let pipeline = try await crm.graphQL("{ dealPipeline { stage count totalAmount } }", token: token)
            let stages = pipeline.json["data"]["dealPipeline"].array
            #expect(stages.reduce(0) { $0 + ($1["count"].int ?? 0) } == 300)
            let reverse = try await crm.graphQL("""
                { deals(first: 3, order: [amount_DESC]) { edges { node { amount activities(first: 3, order: [createdAt_DESC]) {
                  edges { node { subject } } } } } } }
                """, token: token)
            let edges = reverse.json["data"]["deals"]["edges"].array
            #expect(edges.count == 3)
        }
    }

    /// At most 5 data statements (deals; contacts, companies and users of the page; the contacts'
    /// companies), and 4 here: demo deals belong to their contact's company, so the contacts'
    /// companies are already in the request's loader cache.
    @Test("the nested deals query takes the same statements (at most 5) for 5, 50 and 500 deals")
    func statementCount() async throws {
        try await DemoCRM.run { crm in
            let token = try await crm.logIn("admin")
            _ = try await crm.graphQL(Self.nested, variables: #"{"first":1}"#, token: token)
            var counts: [Int] = []
            for first in [5, 50, 500] {
                let before = crm.fixture.pool.statementCount
                let response = try await crm.graphQL(Self.nested, variables: #"{"first":\#(first)}"#, token: token)
                let statements = crm.fixture.pool.statementCount - before
                #expect(response.json["data"]["deals"]["edges"].array.count == min(first, 300))
                #expect(statements >= 4 && statements <= 5, "first: \(first) ran \(statements) statements")
                counts.append(statements)
            }
            #expect(Set(counts).count == 1, "the same count whatever the page size: \(counts)")
        }
    }

    @Test("request errors: wrong variable types, syntax, depth limit, unknown fields; mutation over GET is 405")
    func requestErrors() async throws {
        try await DemoCRM.run { crm in
            let token = try await crm.logIn("alice")
            let wrongType = try await crm.graphQL(Self.nested, variables: #"{"first":"ten"}"#, token: token)
            #expect(wrongType.status == .ok)
            #expect(wrongType.json.members?["data"] == nil && wrongType.json.firstErrorMessage != nil)
            let strict = try await crm.graphQL(Self.nested, variables: #"{"first":"ten"}"#, token: token,
                                               accept: "application/graphql-response+json")
            #expect(strict.status == .badRequest)
            let syntax = try await crm.graphQL("{ deals(first: ", token: token, accept: "application/graphql-response+json")
            #expect(syntax.status == .badRequest)
            #expect(syntax.json.firstErrorMessage?.hasPrefix("Syntax Error") == true)
            let unknown = try await crm.graphQL("{ deals { nope } }", token: token, accept: "application/graphql-response+json")
            #expect(unknown.status == .badRequest)
            let deep = "{ deals { edges { node { " + String(repeating: "company { deals { edges { node { ", count: 6)
                + "title" + String(repeating: " } } } }", count: 6) + " } } } }"
            let tooDeep = try await crm.graphQL(deep, token: token, accept: "application/graphql-response+json")
            #expect(tooDeep.status == .badRequest)
            #expect(tooDeep.json.members?["data"] == nil)
            let hugeDocument = "{ " + String(repeating: "health ", count: 60_000) + "}"
            #expect(try await crm.graphQL(hugeDocument, token: token).json.firstErrorMessage != nil)
            let sqlLooking = try await crm.graphQL(#"{ deals(where: {title: {equalTo: "x'; DROP TABLE \"Deal\"; --"}}) { count } }"#, token: token)
            #expect(sqlLooking.json["data"]["deals"]["count"].int == 0)

            var headers: HTTPFields = [:]
            headers[HTTPField.Name("X-Parse-Session-Token")!] = token
            let get = try await crm.server.send(.get, "/graphql?query=%7B+health+%7D", headers: headers)
            #expect(get.json["data"]["health"].bool == true)
            let mutation = try await crm.server.send(
                .get, "/graphql?query=mutation+%7B+logOut(input%3A+%7B%7D)+%7B+ok+%7D+%7D", headers: headers)
            #expect(mutation.status == .methodNotAllowed)
            #expect(mutation.headers[.allow] == "POST")
            #expect(try await crm.graphQL("{ viewer { user { username } } }", token: token).status == .ok, "not logged out by GET")
            #expect(try await crm.server.isHealthy())
        }
    }

    @Test("the master key bypasses ACLs")
    func masterKey() async throws {
        try await DemoCRM.run { crm in
            let response = try await crm.server.post(
                #"{"query":"{ deals(first: 1) { count } }"}"#,
                headers: [HTTPField.Name("X-Parse-Master-Key")!: crm.server.configuration.keys.masterKey])
            #expect(response.json["data"]["deals"]["count"].int == 300)
        }
    }
}
