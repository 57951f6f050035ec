import APICore
import DealGraphTesting
import CRMGraphQL
import CRMStore
import Foundation
import GraphQLEngine
import Testing

@Suite("Queries: get, find, pointers, node, viewer, pipeline")
struct QueryTests {
    @Test("deal(id:) takes a global id or an objectId; pointers resolve; ACL and dates in Parse's form")
    func getDeal() async throws {
        try await TestGateway.run("api_get") { fixture in
            let alice = try await fixture.user("alice")
            let company = try await fixture.object("Company", ["name": .string("ACME")], as: alice.access)
            let contact = try await fixture.object("Contact", ["name": .string("Bob"),
                                                               "company": .pointer(className: "Company", objectId: company)],
                                                   as: alice.access)
            let deal = try await fixture.object("Deal", [
                "title": .string("Renewal"), "amount": .number(12000), "stage": .string("proposal"),
                "company": .pointer(className: "Company", objectId: company),
                "contact": .pointer(className: "Contact", objectId: contact),
                "assignedTo": .pointer(className: "_User", objectId: alice.id),
                "expectedCloseDate": .date(Date(timeIntervalSince1970: 1_743_379_200)),
            ], as: alice.access)
            let selection = """
                { id objectId title amount stage expectedCloseDate createdAt
                  company { id name } contact { name company { name } } assignedTo { id username }
                  ACL { public { read write } users { userId read write } roles { roleName read write } } }
                """
            for id in [globalId("Deal", deal), deal] {
                let json = try await fixture.query("{ deal(id: \"\(id)\") \(selection) }", as: alice.caller)
                let node = json["data"]["deal"]
                #expect(node["id"].string == globalId("Deal", deal))
                #expect(node["objectId"].string == deal)
                #expect(node["title"].string == "Renewal")
                #expect(node["amount"].int == 12000)
                #expect(node["expectedCloseDate"].string == "2025-03-31T00:00:00.000Z")
                #expect(node["createdAt"].string?.hasSuffix("Z") == true)
                #expect(node["company"]["name"].string == "ACME")
                #expect(node["company"]["id"].string == globalId("Company", company))
                #expect(node["contact"]["company"]["name"].string == "ACME")
                #expect(node["assignedTo"]["username"].string == "alice")
                #expect(node["assignedTo"]["id"].string == alice.globalId)
                #expect(node["ACL"]["public"].isNull)
                #expect(node["ACL"]["users"][0]["userId"].string == alice.globalId)
                #expect(node["ACL"]["users"][0]["write"].bool == true)
                #expect(node["ACL"]["roles"][0]["roleName"].string == "Admin")
            }
        }
    }

    @Test("missing or unreadable objects are 101 and null the data")
    func notFound() async throws {
        try await TestGateway.run("api_notfound") { fixture in
            let alice = try await fixture.user("alice"), bob = try await fixture.user("bob")
            let deal = try await fixture.object("Deal", ["title": .string("Secret")], as: alice.access)
            for id in ["nope", deal] {
                let json = try await fixture.query("{ deal(id: \"\(id)\") { title } }", as: bob.caller)
                #expect(json["data"].isNull)
                #expect(json.firstErrorCode == 101)
                #expect(json.firstErrorMessage == "Object not found.")
                #expect(json["errors"][0]["path"][0].string == "deal")
            }
            let anonymous = try await fixture.query("{ deals { count } }", as: Caller.anonymous)
            #expect(anonymous.firstErrorCode == 101)
            #expect(anonymous["data"].isNull)
        }
    }

    @Test("two users cannot see each other's deals; an Admin sees both; unreadable pointers are null")
    func access() async throws {
        try await TestGateway.run("api_access") { fixture in
            let alice = try await fixture.user("alice"), bob = try await fixture.user("bob")
            let admin = try await fixture.admin("root")
            try await fixture.object("Deal", ["title": .string("A1")], as: alice.access)
            try await fixture.object("Deal", ["title": .string("B1")], as: bob.access)
            let privateCompany = try await fixture.object("Company", ["name": .string("Hidden")],
                                                          acl: .init(readers: [.user(alice.id)], writers: [.user(alice.id)]),
                                                          as: alice.access)
            try await fixture.object("Deal", ["title": .string("A2"), "company": .pointer(className: "Company", objectId: privateCompany)],
                                     acl: .init(readers: [.user(alice.id), .user(bob.id)], writers: [.user(alice.id)]),
                                     as: alice.access)
            let query = "{ deals(order: [title_ASC]) { count edges { node { title company { name } } } } }"
            let asAlice = try await fixture.query(query, as: alice.caller)["data"]["deals"]
            #expect(asAlice["edges"].array.map { $0["node"]["title"].string } == ["A1", "A2"])
            #expect(asAlice["edges"][1]["node"]["company"]["name"].string == "Hidden")
            let asBob = try await fixture.query(query, as: bob.caller)["data"]["deals"]
            #expect(asBob["edges"].array.map { $0["node"]["title"].string } == ["A2", "B1"])
            #expect(asBob["count"].int == 2)
            #expect(asBob["edges"][0]["node"]["company"].isNull)
            let asAdmin = try await fixture.query(query, as: admin.caller)["data"]["deals"]
            #expect(asAdmin["edges"].array.map { $0["node"]["title"].string } == ["A1", "B1"])
            #expect(asAdmin["count"].int == 2)
            let asMaster = try await fixture.query(query, as: .master)["data"]["deals"]
            #expect(asMaster["count"].int == 3)
        }
    }

    @Test("where inputs: operators, AND/OR, pointers with have, id decoding, regex, hostile strings")
    func filters() async throws {
        try await TestGateway.run("api_where") { fixture in
            let alice = try await fixture.user("alice")
            let acme = try await fixture.object("Company", ["name": .string("ACME")], as: alice.access)
            let globex = try await fixture.object("Company", ["name": .string("Globex")], as: alice.access)
            let first = try await fixture.object("Deal", ["title": .string("ACME renewal"), "amount": .number(500), "stage": .string("won"),
                                                          "company": .pointer(className: "Company", objectId: acme)], as: alice.access)
            try await fixture.object("Deal", ["title": .string("Globex pilot"), "amount": .number(1500), "stage": .string("lead"),
                                              "company": .pointer(className: "Company", objectId: globex)], as: alice.access)
            try await fixture.object("Deal", ["title": .string("Side deal"), "stage": .string("lead")], as: alice.access)
            func titles(_ whereText: String) async throws -> [String?] {
                let json = try await fixture.query("{ deals(where: \(whereText), order: [title_ASC]) { edges { node { title } } } }",
                                                   as: alice.caller)
                return json["data"]["deals"]["edges"].array.map { $0["node"]["title"].string }
            }
            #expect(try await titles("{ amount: { greaterThan: 600 } }") == ["Globex pilot"])
            #expect(try await titles("{ stage: { in: [\"won\", \"lead\"] }, amount: { exists: true } }") == ["ACME renewal", "Globex pilot"])
            #expect(try await titles("{ OR: [{ stage: { equalTo: \"won\" } }, { amount: { exists: false } }] }") == ["ACME renewal", "Side deal"])
            #expect(try await titles("{ company: { have: { name: { equalTo: \"Globex\" } } } }") == ["Globex pilot"])
            #expect(try await titles("{ company: { exists: false } }") == ["Side deal"])
            #expect(try await titles("{ id: { equalTo: \"\(globalId("Deal", first))\" } }") == ["ACME renewal"])
            #expect(try await titles("{ objectId: { equalTo: \"\(first)\" } }") == ["ACME renewal"])
            #expect(try await titles("{ title: { matchesRegex: \"^acme\", options: \"i\" } }") == ["ACME renewal"])
            #expect(try await titles("{ title: { equalTo: \"x'; DROP TABLE \\\"Deal\\\"; --\" } }") == [])
            #expect(try await titles("{ NOR: [{ stage: { equalTo: \"lead\" } }] }") == ["ACME renewal"])
            let invalid = try await fixture.query("{ deals(where: { title: { matchesRegex: \"(\" } }) { count } }", as: alice.caller)
            #expect(invalid.firstErrorCode == 102)
            #expect(try await titles("{}").count == 3)
        }
    }

    @Test("node(id:) needs a global id and resolves the concrete type; health; viewer")
    func nodeHealthViewer() async throws {
        try await TestGateway.run("api_node") { fixture in
            let alice = try await fixture.user("alice")
            let deal = try await fixture.object("Deal", ["title": .string("Node deal")], as: alice.access)
            let json = try await fixture.query("{ node(id: \"\(globalId("Deal", deal))\") { id __typename ... on Deal { title } } health }",
                                               as: alice.caller)
            #expect(json["data"]["node"]["title"].string == "Node deal")
            #expect(json["data"]["node"]["__typename"].string == "Deal")
            #expect(json["data"]["health"].bool == true)
            let raw = try await fixture.query("{ node(id: \"\(deal)\") { id } }", as: alice.caller)
            #expect(raw["data"]["node"].isNull)
            #expect(raw.firstErrorCode == 102)
            let viewer = try await fixture.query("{ viewer { sessionToken user { id username email } } }", as: alice.caller)
            #expect(viewer["data"]["viewer"]["sessionToken"].string == alice.token)
            #expect(viewer["data"]["viewer"]["user"]["username"].string == "alice")
            #expect(viewer["data"]["viewer"]["user"]["email"].string == "alice@example.com")
            let anonymous = try await fixture.query("{ viewer { sessionToken } }", as: Caller.anonymous)
            #expect(anonymous.firstErrorCode == 209)
        }
    }

    @Test("users see other users without their email (protectedFields)")
    func otherUsers() async throws {
        try await TestGateway.run("api_users") { fixture in
            let alice = try await fixture.user("alice")
            let bob = try await fixture.user("bob")
            let json = try await fixture.query("{ user(id: \"\(bob.globalId)\") { username email } }", as: .master)
            #expect(json["data"]["user"]["username"].string == "bob")
            let hidden = try await fixture.query("{ users { count } }", as: alice.caller)
            #expect(hidden["data"]["users"]["count"].int == 1)
        }
    }

    @Test("dealPipeline groups the caller's deals by stage in SQL")
    func pipeline() async throws {
        try await TestGateway.run("api_pipeline") { fixture in
            let alice = try await fixture.user("alice"), bob = try await fixture.user("bob")
            try await fixture.object("Deal", ["title": .string("a"), "stage": .string("lead"), "amount": .number(10)], as: alice.access)
            try await fixture.object("Deal", ["title": .string("b"), "stage": .string("lead"), "amount": .number(5.5)], as: alice.access)
            try await fixture.object("Deal", ["title": .string("c"), "stage": .string("won"), "amount": .number(100)], as: alice.access)
            try await fixture.object("Deal", ["title": .string("d"), "stage": .string("won"), "amount": .number(1000)], as: bob.access)
            let json = try await fixture.query("{ dealPipeline { stage count totalAmount } }", as: alice.caller)
            let stages = json["data"]["dealPipeline"].array
            #expect(stages.map { $0["stage"].string } == ["lead", "won"])
            #expect(stages.map { $0["count"].int } == [2, 1])
            #expect(stages.map { $0["totalAmount"].double } == [15.5, 100])
            let filtered = try await fixture.query("{ dealPipeline(where: { amount: { greaterThan: 6 } }) { stage count } }",
                                                   as: alice.caller)
            #expect(filtered["data"]["dealPipeline"].array.map { $0["count"].int } == [1, 1])
        }
    }
}
