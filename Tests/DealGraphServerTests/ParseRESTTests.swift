import CRMStore
import DealGraphTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import DealGraphServer

/// Parse's REST API at /parse over a real port: every route, its encodings and its errors,
/// access control between two users, batches. Each refusal is followed by a health check.
@Suite("Parse REST API over HTTP", .serialized)
struct ParseRESTTests {
    /// Runs `body` with a gateway serving HTTP, users alice and bob, and a client.
    static func run(_ prefix: String, configure: (inout GatewayConfiguration) throws -> Void = { _ in },
                    _ body: (TestGateway, ParseClient, TestGateway.User, TestGateway.User) async throws -> Void) async throws {
        try await TestGateway.run(prefix, configure: configure) { fixture in
            let alice = try await fixture.user("alice"), bob = try await fixture.user("bob")
            try await fixture.withServer { server in
                var client = ParseClient(server: server)
                client.mount = fixture.gateway.configuration.server.parseMountPath
                try await body(fixture, client, alice, bob)
            }
        }
    }

    @Test("classes: create 201 with Location, get, update with Increment echoing the new value, find, delete {}")
    func classesCRUD() async throws {
        try await Self.run("rest_crud") { _, parse, alice, _ in
            let company = try await parse.rest(.post, "/classes/Company", body: #"{"name":"Acme"}"#, token: alice.token)
            #expect(company.status == .created)
            let companyId = try #require(company.json["objectId"].string)
            #expect(company.headers[.location]?.hasSuffix("/parse/classes/Company/\(companyId)") == true)
            #expect(company.json["createdAt"].string?.hasSuffix("Z") == true)

            let created = try await parse.rest(.post, "/classes/Deal", body: #"""
                {"title":"Big deal","amount":1000,"stage":"lead",
                 "company":{"__type":"Pointer","className":"Company","objectId":"\#(companyId)"},
                 "expectedCloseDate":{"__type":"Date","iso":"2027-01-15T00:00:00.000Z"}}
                """#, token: alice.token)
            #expect(created.status == .created)
            let dealId = try #require(created.json["objectId"].string)

            let fetched = try await parse.rest(.get, "/classes/Deal/\(dealId)", query: [("include", "company")], token: alice.token)
            #expect(fetched.status == .ok)
            #expect(fetched.json["title"].string == "Big deal")
            #expect(fetched.json["amount"].int == 1000)
            #expect(fetched.json["expectedCloseDate"]["__type"].string == "Date")
            #expect(fetched.json["expectedCloseDate"]["iso"].string == "2027-01-15T00:00:00.000Z")
            #expect(fetched.json["company"]["__type"].string == "Object")
            #expect(fetched.json["company"]["className"].string == "Company")
            #expect(fetched.json["company"]["name"].string == "Acme")
            #expect(fetched.json["createdAt"].string == created.json["createdAt"].string)
            #expect(fetched.json["ACL"][alice.id]["read"].bool == true)

            let updated = try await parse.rest(.put, "/classes/Deal/\(dealId)",
                                               body: #"{"stage":"qualified","amount":{"__op":"Increment","amount":100}}"#,
                                               token: alice.token)
            #expect(updated.status == .ok)
            #expect(updated.json["amount"].int == 1100)
            #expect(updated.json["updatedAt"].string != nil)
            let unset = try await parse.rest(.put, "/classes/Deal/\(dealId)", body: #"{"expectedCloseDate":{"__op":"Delete"}}"#,
                                             token: alice.token)
            #expect(unset.status == .ok)

            let found = try await parse.rest(.get, "/classes/Deal", query: [
                ("where", #"{"stage":"qualified"}"#), ("order", "-amount,title"), ("limit", "10"), ("keys", "title,amount"),
                ("count", "1"),
            ], token: alice.token)
            #expect(found.status == .ok)
            #expect(found.json["count"].int == 1)
            let result = found.json["results"][0]
            #expect(result["title"].string == "Big deal")
            #expect(result["amount"].int == 1100)
            #expect(result["stage"].isNull, "keys leaves out other fields")
            #expect(result["expectedCloseDate"].isNull)
            #expect(result["objectId"].string == dealId)

            let counted = try await parse.rest(.get, "/classes/Deal", query: [("limit", "0"), ("count", "1")], token: alice.token)
            #expect(counted.json["results"].array.isEmpty)
            #expect(counted.json["count"].int == 1)

            let deleted = try await parse.rest(.delete, "/classes/Deal/\(dealId)", token: alice.token)
            #expect(deleted.status == .ok)
            #expect(deleted.text == "{}")
            let gone = try await parse.rest(.get, "/classes/Deal/\(dealId)", token: alice.token)
            #expect(gone.status == .notFound)
            #expect(gone.text == #"{"code":101,"error":"Object not found."}"#)
        }
    }

    @Test("where operators of Parse: comparisons, $in/$nin, $exists, $regex with \\Q..\\E, $or, $inQuery, $select, pointer equality")
    func whereOperators() async throws {
        try await Self.run("rest_where") { _, parse, alice, _ in
            let acme = try await parse.rest(.post, "/classes/Company", body: #"{"name":"Acme (big) Inc."}"#, token: alice.token)
            let acmeId = try #require(acme.json["objectId"].string)
            let pointer = #"{"__type":"Pointer","className":"Company","objectId":"\#(acmeId)"}"#
            for (title, amount, stage) in [("Alpha", 10, "lead"), ("Beta", 20, "won"), ("Gamma", 30, "lost"), ("Delta", 40, "won")] {
                let company = title == "Beta" || title == "Delta" ? #","company":\#(pointer)"# : ""
                let response = try await parse.rest(.post, "/classes/Deal", body: #"{"title":"\#(title)","amount":\#(amount),"stage":"\#(stage)"\#(company)}"#,
                                                    token: alice.token)
                #expect(response.status == .created)
            }
            func titles(_ filter: String) async throws -> [String] {
                let response = try await parse.rest(.get, "/classes/Deal", query: [("where", filter), ("order", "title")], token: alice.token)
                #expect(response.status == .ok, "\(filter): \(response.text)")
                return response.json["results"].array.compactMap { $0["title"].string }
            }
            #expect(try await titles(#"{"amount":{"$gt":15,"$lte":30}}"#) == ["Beta", "Gamma"])
            #expect(try await titles(#"{"stage":{"$in":["won","lost"]}}"#) == ["Beta", "Delta", "Gamma"])
            #expect(try await titles(#"{"stage":{"$nin":["won"]}}"#) == ["Alpha", "Gamma"])
            #expect(try await titles(#"{"company":{"$exists":true}}"#) == ["Beta", "Delta"])
            #expect(try await titles(#"{"title":{"$regex":"^a","$options":"i"}}"#) == ["Alpha"])
            #expect(try await titles(#"{"title":{"$regex":"^\\QDel\\E"}}"#) == ["Delta"])
            #expect(try await titles(#"{"$or":[{"amount":10},{"amount":40}]}"#) == ["Alpha", "Delta"])
            #expect(try await titles(#"{"company":\#(pointer)}"#) == ["Beta", "Delta"])
            #expect(try await titles(#"{"company":{"$inQuery":{"className":"Company","where":{"name":{"$regex":"^\\QAcme (big)\\E"}}}}}"#)
                == ["Beta", "Delta"])
            #expect(try await titles(#"{"company":{"$notInQuery":{"className":"Company","where":{"name":"Acme (big) Inc."}}}}"#)
                == ["Alpha", "Gamma"])
            #expect(try await titles(#"{"title":{"$select":{"query":{"className":"Deal","where":{"stage":"lost"}},"key":"title"}}}"#)
                == ["Gamma"])
            #expect(try await titles(#"{"title":{"$dontSelect":{"query":{"className":"Deal","where":{"stage":"won"}},"key":"title"}}}"#)
                == ["Alpha", "Gamma"])
            #expect(try await titles(#"{"stage":"won","amount":{"$ne":20}}"#) == ["Delta"])
            #expect(try await titles(#"{"$and":[{"stage":"won"},{"amount":{"$gte":30}}]}"#) == ["Delta"])
            #expect(try await titles(#"{"$nor":[{"stage":"won"},{"amount":10}]}"#) == ["Gamma"])
            #expect(try await titles(#"{"title":{"$text":{"$search":{"$term":"gamma"}}}}"#) == ["Gamma"])
            #expect(try await titles(#"{"objectId":{"$exists":true},"createdAt":{"$lt":{"__type":"Date","iso":"2100-01-01T00:00:00.000Z"}}}"#)
                == ["Alpha", "Beta", "Delta", "Gamma"])
            let badOption = try await parse.rest(.get, "/classes/Deal", query: [("where", #"{"title":{"$regex":"ph","$options":"q"}}"#)],
                                                 token: alice.token)
            #expect(badOption.parseCode == 102)
            let badRegex = try await parse.rest(.get, "/classes/Deal", query: [("where", #"{"title":{"$regex":"(unclosed"}}"#)],
                                                token: alice.token)
            #expect(badRegex.parseCode == 102)
        }
    }

    @Test("two users: get, find, count, include, update, delete and batch of another user's private deal answer as if it did not exist")
    func aclIsolation() async throws {
        try await Self.run("rest_acl") { _, parse, alice, bob in
            let company = try await parse.rest(.post, "/classes/Company",
                                               body: #"{"name":"Secret Co","ACL":{"\#(alice.id)":{"read":true,"write":true}}}"#,
                                               token: alice.token)
            let companyId = try #require(company.json["objectId"].string)
            let deal = try await parse.rest(.post, "/classes/Deal", body: #"""
                {"title":"Private","company":{"__type":"Pointer","className":"Company","objectId":"\#(companyId)"},
                 "ACL":{"\#(alice.id)":{"read":true,"write":true}}}
                """#, token: alice.token)
            let dealId = try #require(deal.json["objectId"].string)
            let shared = try await parse.rest(.post, "/classes/Deal", body: #"""
                {"title":"Shared","company":{"__type":"Pointer","className":"Company","objectId":"\#(companyId)"},
                 "ACL":{"\#(alice.id)":{"read":true,"write":true},"\#(bob.id)":{"read":true}}}
                """#, token: alice.token)
            #expect(shared.status == .created)

            let get = try await parse.rest(.get, "/classes/Deal/\(dealId)", token: bob.token)
            #expect(get.status == .notFound)
            #expect(get.parseCode == 101)
            let find = try await parse.rest(.get, "/classes/Deal", query: [("include", "company"), ("count", "1")], token: bob.token)
            #expect(find.json["count"].int == 1)
            #expect(find.json["results"].array.map { $0["title"].string } == ["Shared"])
            // The company is unreadable to bob: the include leaves the bare pointer.
            #expect(find.json["results"][0]["company"]["__type"].string == "Pointer")
            #expect(find.json["results"][0]["company"]["name"].isNull)
            let update = try await parse.rest(.put, "/classes/Deal/\(dealId)", body: #"{"title":"Mine now"}"#, token: bob.token)
            #expect(update.status == .notFound)
            let sharedWrite = try await parse.rest(.put, "/classes/Deal/\(try #require(shared.json["objectId"].string))",
                                                   body: #"{"title":"x"}"#, token: bob.token)
            #expect(sharedWrite.parseCode == 101, "read access does not give write access")
            let delete = try await parse.rest(.delete, "/classes/Deal/\(dealId)", token: bob.token)
            #expect(delete.parseCode == 101)
            let batch = try await parse.rest(.post, "/batch", body: #"""
                {"requests":[{"method":"PUT","path":"/parse/classes/Deal/\#(dealId)","body":{"title":"x"}},
                             {"method":"DELETE","path":"/parse/classes/Deal/\#(dealId)"}]}
                """#, token: bob.token)
            #expect(batch.json[0]["error"]["code"].int == 101)
            #expect(batch.json[1]["error"]["code"].int == 101)
            // This model's CLPs need a session to read deals: Parse answers 101 without one.
            let anonymous = try await parse.rest(.get, "/classes/Deal", query: [("count", "1")])
            #expect(anonymous.status == .notFound)
            #expect(anonymous.text == #"{"code":101,"error":"Permission denied, user needs to be authenticated."}"#)

            let still = try await parse.rest(.get, "/classes/Deal/\(dealId)", token: alice.token)
            #expect(still.json["title"].string == "Private")
        }
    }

    @Test("users: sign-up 201 with a session, log-in by GET and POST, me, own object with token, verifyPassword, log-out")
    func users() async throws {
        try await Self.run("rest_users") { _, parse, alice, bob in
            let signUp = try await parse.rest(.post, "/users", body: #"{"username":"dave","password":"pw-dave","email":"dave@example.com"}"#)
            #expect(signUp.status == .created)
            let daveId = try #require(signUp.json["objectId"].string)
            let daveToken = try #require(signUp.json["sessionToken"].string)
            #expect(signUp.headers[.location]?.hasSuffix("/parse/users/\(daveId)") == true)
            let taken = try await parse.rest(.post, "/users", body: #"{"username":"DAVE","password":"x","email":"d2@example.com"}"#)
            #expect(taken.parseCode == 202)
            let emailTaken = try await parse.rest(.post, "/users", body: #"{"username":"dave2","password":"x","email":"DAVE@example.com"}"#)
            #expect(emailTaken.parseCode == 203)
            // This class model requires an email (Parse's own _User does not).
            #expect(try await parse.rest(.post, "/users", body: #"{"username":"eve","password":"x"}"#).parseCode == 142)
            #expect(try await parse.rest(.post, "/users", body: #"{"password":"x"}"#).parseCode == 200)
            #expect(try await parse.rest(.post, "/users", body: #"{"username":"eve"}"#).parseCode == 201)
            #expect(try await parse.rest(.post, "/users", body: #"{"username":"eve","password":"x","email":"not-an-email"}"#).parseCode == 125)

            let logIn = try await parse.rest(.get, "/login", query: [("username", "dave"), ("password", "pw-dave")])
            #expect(logIn.status == .ok)
            #expect(logIn.json["username"].string == "dave")
            #expect(logIn.json["password"].isNull)
            let token = try #require(logIn.json["sessionToken"].string)
            #expect(token != daveToken)
            let post = try await parse.rest(.post, "/login", body: #"{"username":"dave@example.com","password":"pw-dave"}"#)
            #expect(post.json["objectId"].string == daveId)
            let wrong = try await parse.rest(.post, "/login", body: #"{"username":"dave","password":"nope"}"#)
            #expect(wrong.status == .notFound)
            #expect(wrong.text == #"{"code":101,"error":"Invalid username/password."}"#)
            #expect(try await parse.rest(.post, "/login", body: #"{"username":"dave","password":42}"#).parseCode == 101)
            #expect(try await parse.rest(.post, "/login", body: #"{"username":"dave"}"#).parseCode == 201)
            // The token is ignored on /login: a stale one does not stop a new log-in.
            let stale = try await parse.rest(.post, "/login", body: #"{"username":"dave","password":"pw-dave"}"#, token: "r:0000")
            #expect(stale.status == .ok)

            let me = try await parse.rest(.get, "/users/me", token: token)
            #expect(me.json["objectId"].string == daveId)
            #expect(me.json["email"].string == "dave@example.com")
            #expect(me.json["sessionToken"].string == token)
            let own = try await parse.rest(.get, "/users/\(daveId)", token: token)
            #expect(own.json["sessionToken"].string == token)
            let other = try await parse.rest(.get, "/users/\(alice.id)", token: token)
            #expect(other.parseCode == 101, "users are private by default")
            #expect(try await parse.rest(.get, "/users/me").parseCode == 209)

            let verify = try await parse.rest(.get, "/verifyPassword", query: [("username", "dave"), ("password", "pw-dave")])
            #expect(verify.json["objectId"].string == daveId)
            #expect(verify.json["sessionToken"].isNull)
            #expect(try await parse.rest(.post, "/verifyPassword", body: #"{"username":"dave","password":"x"}"#).parseCode == 101)

            let update = try await parse.rest(.put, "/users/\(daveId)", body: #"{"email":"dave2@example.com"}"#, token: token)
            #expect(update.status == .ok)
            #expect(try await parse.rest(.put, "/users/\(daveId)", body: #"{"email":"x@example.com"}"#, token: bob.token).parseCode == 101)

            #expect(try await parse.rest(.post, "/requestPasswordReset", body: #"{"email":"dave2@example.com"}"#).text == "{}")
            #expect(try await parse.rest(.post, "/requestPasswordReset", body: "{}").parseCode == 204)

            let out = try await parse.rest(.post, "/logout", body: "{}", token: token)
            #expect(out.text == "{}")
            let after = try await parse.rest(.get, "/users/me", token: token)
            #expect(after.status == .badRequest)
            #expect(after.parseCode == 209)
            #expect(try await parse.rest(.post, "/logout", body: "{}").text == "{}")

            let removed = try await parse.rest(.delete, "/users/\(daveId)", token: daveToken)
            #expect(removed.text == "{}")
            #expect(try await parse.rest(.get, "/users/me", token: daveToken).parseCode == 209)
        }
    }

    @Test("sessions: me with its token, the caller's list, delete one revokes it; roles: read, master-only create, relation ops; schemas: master only")
    func sessionsRolesSchemas() async throws {
        try await Self.run("rest_sessions") { fixture, parse, alice, bob in
            let second = try await parse.rest(.post, "/login", body: #"{"username":"alice","password":"pw-alice"}"#)
            let secondToken = try #require(second.json["sessionToken"].string)
            let me = try await parse.rest(.get, "/sessions/me", token: alice.token)
            #expect(me.json["sessionToken"].string == alice.token)
            #expect(me.json["user"]["objectId"].string == alice.id)
            #expect(me.json["expiresAt"]["__type"].string == "Date")
            let list = try await parse.rest(.get, "/sessions", token: alice.token)
            #expect(list.json["results"].array.count == 2)
            #expect(list.json["results"].array.allSatisfy { $0["user"]["objectId"].string == alice.id })
            let otherId = try #require(list.json["results"].array.first { $0["sessionToken"].isNull }?["objectId"].string)
            #expect(try await parse.rest(.delete, "/sessions/\(otherId)", token: bob.token).parseCode == 101)
            #expect(try await parse.rest(.delete, "/sessions/\(otherId)", token: alice.token).text == "{}")
            #expect(try await parse.rest(.get, "/users/me", token: secondToken).parseCode == 209)
            #expect(try await parse.rest(.get, "/sessions").parseCode == 209)

            let admin = try await fixture.admin("root")
            let roles = try await parse.rest(.get, "/roles", query: [("where", #"{"name":"Admin"}"#)], token: admin.token)
            #expect(roles.json["results"][0]["name"].string == "Admin")
            #expect(roles.json["results"][0]["users"]["__type"].string == "Relation")
            let refused = try await parse.rest(.post, "/roles", body: #"{"name":"Sales","ACL":{"*":{"read":true}}}"#, token: alice.token)
            #expect(refused.parseCode == 119)
            let created = try await parse.rest(.post, "/roles", body: #"""
                {"name":"Sales","ACL":{"*":{"read":true}},
                 "users":{"__op":"AddRelation","objects":[{"__type":"Pointer","className":"_User","objectId":"\#(alice.id)"}]}}
                """#, master: true)
            #expect(created.status == .created)
            let roleId = try #require(created.json["objectId"].string)
            let sales = try await parse.rest(.post, "/classes/Deal",
                                             body: #"{"title":"Team deal","ACL":{"role:Sales":{"read":true,"write":true}}}"#, master: true)
            #expect(sales.status == .created)
            let aliceSees = try await parse.rest(.get, "/classes/Deal", query: [("where", #"{"title":"Team deal"}"#)], token: alice.token)
            #expect(aliceSees.json["results"].array.count == 1)
            let added = try await parse.rest(.put, "/roles/\(roleId)", body: #"""
                {"users":{"__op":"AddRelation","objects":[{"__type":"Pointer","className":"_User","objectId":"\#(bob.id)"}]}}
                """#, master: true)
            #expect(added.status == .ok)
            let bobSees = try await parse.rest(.get, "/classes/Deal", query: [("where", #"{"title":"Team deal"}"#)], token: bob.token)
            #expect(bobSees.json["results"].array.count == 1)
            #expect(try await parse.rest(.delete, "/roles/\(roleId)", token: bob.token).parseCode == 101)
            #expect(try await parse.rest(.delete, "/roles/\(roleId)", master: true).text == "{}")

            let noSchema = try await parse.rest(.get, "/schemas", token: alice.token)
            #expect(noSchema.status == .forbidden)
            #expect(noSchema.text == #"{"error":"unauthorized: master key is required"}"#)
            let schemas = try await parse.rest(.get, "/schemas", master: true)
            #expect(schemas.json["results"].array.contains { $0["className"].string == "Deal" })
            let deal = try await parse.rest(.get, "/schemas/Deal", master: true)
            #expect(deal.json["fields"]["company"]["targetClass"].string == "Company")
            #expect(try await parse.rest(.get, "/schemas/Nope", master: true).parseCode == 103)
            #expect(try await parse.rest(.post, "/schemas/Deal", body: "{}", master: true).parseCode == 119)
            #expect(try await parse.rest(.get, "/serverInfo", master: true).json["features"].members != nil)
            #expect(try await parse.rest(.get, "/health").json["status"].string == "ok")
        }
    }

    @Test("batch: results per request in order; transaction: true rolls every write back when the last request fails")
    func batch() async throws {
        try await Self.run("rest_batch") { fixture, parse, alice, _ in
            let mixed = try await parse.rest(.post, "/batch", body: #"""
                {"requests":[{"method":"POST","path":"/parse/classes/Deal","body":{"title":"One"}},
                             {"method":"POST","path":"/parse/classes/Deal","body":{"amount":5}},
                             {"method":"POST","path":"/parse/classes/Deal","body":{"title":"Three"}}]}
                """#, token: alice.token)
            #expect(mixed.status == .ok)
            #expect(mixed.json[0]["success"]["objectId"].string != nil)
            #expect(mixed.json[1]["error"]["code"].int == 142)
            #expect(mixed.json[2]["success"]["createdAt"].string != nil)
            let before = try await fixture.store.count(className: "Deal", context: .master)
            #expect(before == 2)

            let oneId = try #require(mixed.json[0]["success"]["objectId"].string)
            let rolledBack = try await parse.rest(.post, "/batch", body: #"""
                {"transaction":true,"requests":[
                  {"method":"POST","path":"/parse/classes/Deal","body":{"title":"Four"}},
                  {"method":"PUT","path":"/parse/classes/Deal/\#(oneId)","body":{"title":"Renamed"}},
                  {"method":"DELETE","path":"/parse/classes/Deal/\#(oneId)"},
                  {"method":"POST","path":"/parse/classes/Deal","body":{"title":{"__type":"Date","iso":"bad"}}}]}
                """#, token: alice.token)
            #expect(rolledBack.status == .badRequest)
            #expect(rolledBack.parseCode == 111)
            #expect(try await fixture.store.count(className: "Deal", context: .master) == 2)
            let one = try await fixture.store.get(className: "Deal", objectId: oneId, context: .master)
            #expect(one["title"]?.stringValue == "One")

            let committed = try await parse.rest(.post, "/batch", body: #"""
                {"transaction":true,"requests":[
                  {"method":"POST","path":"/parse/classes/Deal","body":{"title":"Five"}},
                  {"method":"PUT","path":"/parse/classes/Deal/\#(oneId)","body":{"title":"Renamed"}}]}
                """#, token: alice.token)
            #expect(committed.json[1]["success"]["updatedAt"].string != nil)
            #expect(try await fixture.store.count(className: "Deal", context: .master) == 3)

            #expect(try await parse.rest(.post, "/batch", body: #"{"requests":[{"method":"GET","path":"/classes/Deal"}]}"#,
                                         token: alice.token).parseCode == 107)
            #expect(try await parse.rest(.post, "/batch", body: #"{"requests":{}}"#, token: alice.token).parseCode == 107)
            #expect(try await parse.rest(.post, "/batch", body: #"{"requests":[{"method":"POST","path":"/parse/batch","body":{}}]}"#,
                                         token: alice.token).parseCode == 107)
            let many = "[" + Array(repeating: #"{"method":"GET","path":"/parse/classes/Deal"}"#, count: 101).joined(separator: ",") + "]"
            #expect(try await parse.rest(.post, "/batch", body: #"{"requests":\#(many)}"#, token: alice.token).parseCode == 107)
            #expect(try await parse.server.isHealthy())
        }
    }

    @Test("hostile input: each is a 4xx with Parse's code, nothing is written, and the server keeps serving")
    func hostileInput() async throws {
        try await Self.run("rest_hostile") { fixture, parse, alice, _ in
            func expect(_ response: TestClient.Response, _ code: Int, status: HTTPResponse.Status = .badRequest,
                        sourceLocation: SourceLocation = #_sourceLocation) async throws {
                #expect(response.parseCode == code, "\(response.text)", sourceLocation: sourceLocation)
                #expect(response.status == status, sourceLocation: sourceLocation)
                #expect(try await parse.server.isHealthy(), sourceLocation: sourceLocation)
            }
            try await expect(parse.rest(.post, "/classes/Deal", body: #"{"title": "x""#, token: alice.token), 107)
            try await expect(parse.rest(.post, "/classes/Deal", body: "[1,2]", token: alice.token), 107)
            let deepBody = String(repeating: #"{"a":"#, count: 100) + "1" + String(repeating: "}", count: 100)
            try await expect(parse.rest(.post, "/classes/Deal", body: deepBody, token: alice.token), 107)
            try await expect(parse.rest(.post, "/classes/Deal", body: #"{"title":"x","notes":"\u0000"}"#, token: alice.token), 111)
            try await expect(parse.rest(.put, "/classes/Deal/nope", body: #"{"title":"x"}"#, token: alice.token), 101, status: .notFound)
            try await expect(parse.rest(.post, "/classes/Deal", body: #"{"title": 12}"#, token: alice.token), 111)
            try await expect(parse.rest(.post, "/classes/Deal", body: #"{"company": "abc"}"#, token: alice.token), 111)
            try await expect(parse.rest(.post, "/classes/Deal", body: #"{"amount": 3}"#, token: alice.token), 142)
            try await expect(parse.rest(.post, "/classes/Deal", body: #"{"title":"x","bogus":1}"#, token: alice.token), 105)
            try await expect(parse.rest(.post, "/classes/Deal", body: #"{"title":"x","objectId":"abc"}"#, token: alice.token), 105)
            try await expect(parse.rest(.post, "/classes/Deal", body: #"{"title":"x","ACL":{"*":{"read":"yes"}}}"#, token: alice.token), 123)
            try await expect(parse.rest(.post, "/classes/Deal", body: #"{"title":"x","amount":{"__op":"Explode"}}"#, token: alice.token), 107)
            try await expect(parse.rest(.post, "/classes/Nope", body: #"{"title":"x"}"#, token: alice.token), 119)
            try await expect(parse.rest(.get, "/classes/Deal", query: [("bogus", "1")], token: alice.token), 102)
            try await expect(parse.rest(.get, "/classes/Deal", query: [("where", #"{"title":{"$foo":1}}"#)], token: alice.token), 102)
            try await expect(parse.rest(.get, "/classes/Deal", query: [("where", #"{"ti tle":"x"}"#)], token: alice.token), 105)
            try await expect(parse.rest(.get, "/classes/Deal", query: [("where", #"{"nope":"x"}"#)], token: alice.token), 102)
            try await expect(parse.rest(.get, "/classes/Deal", query: [("where", "{not json")], token: alice.token), 107)
            try await expect(parse.rest(.get, "/classes/Deal", query: [("where", #"{"$or":{"a":1}}"#)], token: alice.token), 102)
            try await expect(parse.rest(.get, "/classes/Deal", query: [("limit", "ten")], token: alice.token), 102)
            try await expect(parse.rest(.get, "/classes/Deal/abc", query: [("where", "{}")], token: alice.token), 102)
            let deep = String(repeating: #"{"$or":["#, count: 20) + "{}" + String(repeating: "]}", count: 20)
            try await expect(parse.rest(.get, "/classes/Deal", query: [("where", deep)], token: alice.token), 102)
            let huge = "[" + (0..<20_000).map { #""v\#($0)""# }.joined(separator: ",") + "]"
            let hugeIn = try await parse.rest(.post, "/classes/Deal", body: #"{"_method":"GET","where":{"title":{"$in":\#(huge)}}}"#,
                                              token: alice.token)
            #expect(hugeIn.status == .badRequest)
            #expect(hugeIn.parseCode == 102 || hugeIn.parseCode == 107)
            try await expect(parse.rest(.get, "/classes/Deal", token: "r:not-a-token"), 209)
            try await expect(parse.rest(.get, "/classes/Deal", token: "r:" + String(repeating: "a", count: 32)), 209)
            try await expect(parse.rest(.post, "/functions/hello", body: "{}", token: alice.token), 141)
            try await expect(parse.rest(.post, "/files/pic.png", body: "{}", token: alice.token), 119)
            try await expect(parse.rest(.get, "/installations", token: alice.token), 119)
            try await expect(parse.rest(.post, "/push", body: "{}", master: true), 115)
            try await expect(parse.rest(.post, "/classes/Deal", body: #"{"_method":"PATCH"}"#, token: alice.token), 107)

            let large = try await parse.rest(.post, "/classes/Deal",
                                             body: #"{"title":"\#(String(repeating: "x", count: 1_100_000))"}"#, token: alice.token)
            #expect(large.status == .contentTooLarge)

            let injection = "x'); DROP TABLE \"Deal\"; --"
            let stored = try await parse.rest(.post, "/classes/Deal", body: #"{"title":\#(jsonString(injection))}"#, token: alice.token)
            #expect(stored.status == .created)
            let back = try await parse.rest(.get, "/classes/Deal", query: [("where", #"{"title":\#(jsonString(injection))}"#)],
                                            token: alice.token)
            #expect(back.json["results"].array.map { $0["title"].string } == [injection])
            #expect(try await fixture.store.count(className: "Deal", context: .master) == 1, "only the SQL-looking title was written")
        }
    }

    @Test("keys are checked: a wrong application id or client key is 403 unauthorized, in headers, in the body and in HTTP Basic")
    func keys() async throws {
        try await Self.run("rest_keys", configure: {
            $0.server.keys.applicationId = "dealgraph"
            $0.server.keys.clientKey = "client-key"
        }) { _, parse, alice, _ in
            let appId = HTTPField.Name("X-Parse-Application-Id")!, restKey = HTTPField.Name("X-Parse-REST-API-Key")!
            let none = try await parse.rest(.get, "/classes/Deal", token: alice.token)
            #expect(none.status == .forbidden)
            #expect(none.text == #"{"error":"unauthorized"}"#)
            let good = try await parse.rest(.get, "/classes/Deal", token: alice.token, headers: [appId: "dealgraph", restKey: "client-key"])
            #expect(good.status == .ok)
            let wrong = try await parse.rest(.get, "/classes/Deal", headers: [appId: "dealgraph", restKey: "nope"])
            #expect(wrong.status == .forbidden)
            let basic = "Basic " + Data("dealgraph:javascript-key=client-key".utf8).base64EncodedString()
            #expect(try await parse.rest(.get, "/classes/Deal", token: alice.token, headers: [.authorization: basic]).status == .ok)
            let master = "Basic " + Data("dealgraph:\(parse.server.configuration.keys.masterKey)".utf8).base64EncodedString()
            #expect(try await parse.rest(.get, "/schemas", headers: [.authorization: master]).status == .ok)
            let body = try await parse.server.send(.post, "/parse/classes/Deal", headers: [.contentType: "text/plain"],
                                                   body: #"{"_method":"GET","_ApplicationId":"dealgraph","_JavaScriptKey":"client-key","_SessionToken":"\#(alice.token)"}"#)
            #expect(body.status == .ok)
            let badBody = try await parse.server.send(.post, "/parse/classes/Deal", headers: [.contentType: "text/plain"],
                                                      body: #"{"_method":"GET","_ApplicationId":"other","_JavaScriptKey":"client-key"}"#)
            #expect(badBody.status == .forbidden)
        }
    }

    @Test("the browser SDK's form: text/plain POST with _method and keys in the body, CORS headers on every reply, preflight answered")
    func browserForm() async throws {
        try await Self.run("rest_browser") { _, parse, alice, _ in
            let created = try await parse.sdk("/classes/Deal", #"{"title":"From the browser"}"#, token: alice.token)
            #expect(created.status == .created)
            #expect(created.headers[.accessControlAllowOrigin] == ParseClient.origin)
            let found = try await parse.sdk("/classes/Deal", #"{"where":{"title":"From the browser"},"limit":1}"#, method: "GET",
                                            token: alice.token)
            #expect(found.json["results"][0]["title"].string == "From the browser")
            let error = try await parse.sdk("/classes/Deal", #"{"where":{"title":{"$foo":1}}}"#, method: "GET", token: alice.token)
            #expect(error.parseCode == 102)
            #expect(error.headers[.accessControlAllowOrigin] == ParseClient.origin)
            let badToken = try await parse.sdk("/classes/Deal", method: "GET", token: "r:0123")
            #expect(badToken.parseCode == 209)
            #expect(badToken.headers[.accessControlAllowOrigin] == ParseClient.origin)
            let preflight = try await parse.server.send(.options, "/parse/classes/Deal", headers: [
                .origin: ParseClient.origin, .accessControlRequestMethod: "PUT",
                .accessControlRequestHeaders: "x-parse-session-token,content-type",
            ])
            #expect(preflight.status.code < 300)
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("PUT") == true)
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("DELETE") == true)
            #expect(preflight.headers[.accessControlAllowHeaders]?.lowercased().contains("x-parse-session-token") == true)
        }
    }

    @Test("an object written through REST reads back identically through GraphQL, and the other way round")
    func sameObjectsBothAPIs() async throws {
        try await Self.run("rest_graphql") { fixture, parse, alice, _ in
            let created = try await parse.rest(.post, "/classes/Deal", body: #"{"title":"Via REST","amount":12.5,"stage":"won"}"#,
                                               token: alice.token)
            let id = try #require(created.json["objectId"].string)
            let graph = try await fixture.query(#"{ deal(id: "\#(id)") { title amount stage createdAt updatedAt } }"#, as: alice.caller)
            #expect(graph["data"]["deal"]["title"].string == "Via REST")
            #expect(graph["data"]["deal"]["amount"].double == 12.5)
            let rest = try await parse.rest(.get, "/classes/Deal/\(id)", token: alice.token)
            #expect(graph["data"]["deal"]["createdAt"].string == rest.json["createdAt"].string)
            #expect(graph["data"]["deal"]["updatedAt"].string == rest.json["updatedAt"].string)

            let viaGraphQL = try await fixture.query(#"""
                mutation { createDeal(input: {fields: {title: "Via GraphQL", amount: 7}}) { deal { objectId createdAt } } }
                """#, as: alice.caller)
            let graphId = try #require(viaGraphQL["data"]["createDeal"]["deal"]["objectId"].string)
            let read = try await parse.rest(.get, "/classes/Deal/\(graphId)", token: alice.token)
            #expect(read.json["title"].string == "Via GraphQL")
            #expect(read.json["amount"].int == 7)
            #expect(read.json["createdAt"].string == viaGraphQL["data"]["createDeal"]["deal"]["createdAt"].string)
        }
    }

    @Test("include: dotted paths, *, keys on included objects, excludeKeys; one statement per include path and class, never per object")
    func includes() async throws {
        try await Self.run("rest_include") { fixture, parse, alice, _ in
            let store = fixture.store
            var dealIds: [String] = []
            for index in 0..<12 {
                let company = try await store.create(className: "Company", fields: ["name": .set(.string("Co \(index)"))],
                                                     context: alice.access)
                let contact = try await store.create(className: "Contact", fields: [
                    "name": .set(.string("Person \(index)")), "company": .set(.pointer(className: "Company", objectId: company.objectId)),
                ], context: alice.access)
                let deal = try await store.create(className: "Deal", fields: [
                    "title": .set(.string("Deal \(index)")), "amount": .set(.number(Double(index))),
                    "contact": .set(.pointer(className: "Contact", objectId: contact.objectId)),
                    "company": .set(.pointer(className: "Company", objectId: company.objectId)),
                    "assignedTo": .set(.pointer(className: "_User", objectId: alice.id)),
                ], context: alice.access)
                dealIds.append(deal.objectId)
                let target: FieldValue = index % 2 == 0 ? .pointer(className: "Deal", objectId: deal.objectId)
                    : .pointer(className: "Contact", objectId: contact.objectId)
                _ = try await store.create(className: "Activity", fields: ["subject": .set(.string("A \(index)")), "relatedTo": .set(target)],
                                           context: alice.access)
            }
            func statements(_ query: [(String, String)], _ className: String = "Deal") async throws -> (Int, JSONTree) {
                _ = try await parse.rest(.get, "/users/me", token: alice.token)
                let before = fixture.pool.statementCount
                let response = try await parse.rest(.get, "/classes/\(className)", query: query, token: alice.token)
                #expect(response.status == .ok, "\(response.text)")
                return (fixture.pool.statementCount - before, response.json)
            }
            let (nested, board) = try await statements([("include", "contact.company,assignedTo"), ("order", "amount")])
            #expect(nested == 4, "find + contact + contact.company + assignedTo")
            #expect(board["results"].array.count == 12)
            #expect(board["results"][3]["contact"]["company"]["name"].string == "Co 3")
            #expect(board["results"][3]["contact"]["company"]["__type"].string == "Object")
            #expect(board["results"][3]["assignedTo"]["username"].string == "alice")
            #expect(board["results"][3]["company"]["__type"].string == "Pointer", "not included: a bare pointer")

            let (all, star) = try await statements([("include", "*"), ("order", "amount"), ("limit", "3")])
            #expect(all == 4, "find + contact + company + assignedTo")
            #expect(star["results"][0]["company"]["name"].string == "Co 0")
            #expect(star["results"][0]["contact"]["company"]["__type"].string == "Pointer", "* includes one level")

            let (_, keyed) = try await statements([("keys", "title,contact.name"), ("order", "amount"), ("limit", "2")])
            #expect(keyed["results"][1]["title"].string == "Deal 1")
            #expect(keyed["results"][1]["contact"]["name"].string == "Person 1", "a dotted key includes its path")
            #expect(keyed["results"][1]["contact"]["company"].isNull, "and restricts the included object's keys")
            #expect(keyed["results"][1]["amount"].isNull)

            let (_, excluded) = try await statements([("excludeKeys", "amount,contact"), ("order", "title"), ("limit", "1")])
            #expect(excluded["results"][0]["amount"].isNull)
            #expect(excluded["results"][0]["contact"].isNull)
            #expect(excluded["results"][0]["title"].string == "Deal 0")

            let (polymorphic, activities) = try await statements([("include", "relatedTo"), ("order", "subject")], "Activity")
            #expect(polymorphic == 3, "find + one statement per target class of relatedTo")
            #expect(activities["results"][0]["relatedTo"]["className"].string == "Deal")
            #expect(activities["results"][0]["relatedTo"]["title"].string == "Deal 0")
            #expect(activities["results"][1]["relatedTo"]["className"].string == "Contact")
            #expect(activities["results"][1]["relatedTo"]["name"].string == "Person 1")

            let get = try await parse.rest(.get, "/classes/Deal/\(dealIds[5])", query: [("include", "contact.company")], token: alice.token)
            #expect(get.json["contact"]["company"]["name"].string == "Co 5")
            #expect(try await parse.rest(.get, "/classes/Deal", query: [("include", "a.b.c.d.e.f.g")], token: alice.token).parseCode == 102)
        }
    }

    @Test("mounted at / (a Back4app-style server URL): the routes answer at the root, /graphql and /health stay the gateway's")
    func rootMount() async throws {
        try await Self.run("rest_root", configure: { $0.server.parseMountPath = "/" }) { _, parse, alice, _ in
            #expect(parse.mount == "")
            let created = try await parse.rest(.post, "/classes/Deal", body: #"{"title":"At the root"}"#, token: alice.token)
            #expect(created.status == .created)
            #expect(created.headers[.location]?.hasSuffix("/classes/Deal/\(created.json["objectId"].string ?? "")") == true)
            let batch = try await parse.rest(.post, "/batch", body: #"{"requests":[{"method":"GET","path":"/classes/Deal"}]}"#,
                                             token: alice.token)
            #expect(batch.json[0]["success"]["results"][0]["title"].string == "At the root")
            #expect(try await parse.server.graphQL("{ deals { count } }", token: alice.token).json["data"]["deals"]["count"].int == 1)
            #expect(try await parse.server.isHealthy())
        }
    }
}
