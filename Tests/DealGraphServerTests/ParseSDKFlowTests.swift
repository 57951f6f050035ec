import CRMStore
import DealGraphTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import DealGraphServer

/// The CRM template's own flow, spoken exactly as the Parse JavaScript SDK (2.x) speaks it: every
/// call a cross-origin `POST` with a `text/plain` JSON body carrying `_method`,
/// `_ApplicationId`, `_ClientVersion`, `_InstallationId` and `_SessionToken`, no `X-Parse-*`
/// header and no preflight; replies read as the SDK reads them.
@Suite("Parse JavaScript SDK wire flow", .serialized)
struct ParseSDKFlowTests {
    @Test("log in, board by stage, create with pointers, move through the pipeline, activities by relatedTo, saveAll, destroyAll, log out")
    func templateFlow() async throws {
        try await TestGateway.run("sdk_flow") { fixture in
            let alice = try await fixture.user("alice")
            _ = alice
            try await fixture.withServer { server in
                let sdk = ParseClient(server: server)
                func expectCORS(_ response: TestClient.Response, sourceLocation: SourceLocation = #_sourceLocation) {
                    #expect(response.headers[.accessControlAllowOrigin] == ParseClient.origin, sourceLocation: sourceLocation)
                }

                // Parse.User.logIn: GET /login as a POST with _method.
                let logIn = try await sdk.sdk("/login", #"{"username":"alice","password":"pw-alice"}"#, method: "GET")
                expectCORS(logIn)
                #expect(logIn.status == .ok)
                #expect(logIn.json["password"].isNull)
                let token = try #require(logIn.json["sessionToken"].string)
                let userId = try #require(logIn.json["objectId"].string)

                // Parse.User.become: GET /users/me.
                let become = try await sdk.sdk("/users/me", method: "GET", token: token)
                #expect(become.json["username"].string == "alice")
                #expect(become.json["sessionToken"].string == token)

                // new Parse.Object('Company'|'Contact').save()
                let company = try await sdk.sdk("/classes/Company", #"{"name":"Initech","industry":"Software"}"#, token: token)
                #expect(company.status == .created)
                expectCORS(company)
                let companyId = try #require(company.json["objectId"].string)
                let contact = try await sdk.sdk("/classes/Contact", #"""
                    {"name":"Peter Gibbons","email":"peter@initech.example",
                     "company":{"__type":"Pointer","className":"Company","objectId":"\#(companyId)"}}
                    """#, token: token)
                let contactId = try #require(contact.json["objectId"].string)

                // A deal with contact and company pointers, a date and an ACL.
                let deal = try await sdk.sdk("/classes/Deal", #"""
                    {"title":"Initech renewal","amount":1000,"stage":"lead",
                     "contact":{"__type":"Pointer","className":"Contact","objectId":"\#(contactId)"},
                     "company":{"__type":"Pointer","className":"Company","objectId":"\#(companyId)"},
                     "expectedCloseDate":{"__type":"Date","iso":"2027-02-01T00:00:00.000Z"},
                     "ACL":{"\#(userId)":{"read":true,"write":true}}}
                    """#, token: token)
                #expect(deal.status == .created)
                let dealId = try #require(deal.json["objectId"].string)
                #expect(deal.json["createdAt"].string != nil)
                let early = try await sdk.sdk("/classes/Deal", #"""
                    {"title":"Initech pilot","amount":200,"stage":"lead",
                     "expectedCloseDate":{"__type":"Date","iso":"2027-01-01T00:00:00.000Z"}}
                    """#, token: token)
                #expect(early.status == .created)

                // new Parse.Query('Deal').equalTo('stage','lead').ascending('expectedCloseDate').include(...).find()
                let board = try await sdk.sdk("/classes/Deal", #"""
                    {"where":{"stage":"lead"},"include":"company,contact","order":"expectedCloseDate","limit":50}
                    """#, method: "GET", token: token)
                #expect(board.json["results"].array.map { $0["title"].string } == ["Initech pilot", "Initech renewal"])
                let renewal = board.json["results"][1]
                #expect(renewal["company"]["__type"].string == "Object")
                #expect(renewal["company"]["className"].string == "Company")
                #expect(renewal["company"]["name"].string == "Initech")
                #expect(renewal["contact"]["className"].string == "Contact")
                #expect(renewal["contact"]["name"].string == "Peter Gibbons")
                #expect(renewal["expectedCloseDate"]["iso"].string == "2027-02-01T00:00:00.000Z")
                #expect(renewal["ACL"][userId]["write"].bool == true)

                // query.get(id): a find on objectId with limit 1.
                let get = try await sdk.sdk("/classes/Deal", #"{"where":{"objectId":"\#(dealId)"},"limit":1}"#, method: "GET", token: token)
                #expect(get.json["results"].array.count == 1)

                // Move it through the pipeline: deal.set('stage', s); deal.save().
                for stage in ["qualified", "proposal", "negotiation", "won"] {
                    let moved = try await sdk.sdk("/classes/Deal/\(dealId)", #"{"stage":"\#(stage)"}"#, method: "PUT", token: token)
                    #expect(moved.status == .ok)
                    #expect(moved.json["updatedAt"].string != nil)
                }
                // deal.increment('amount', 100): the reply carries the new value, which the SDK keeps.
                let increment = try await sdk.sdk("/classes/Deal/\(dealId)", #"{"amount":{"__op":"Increment","amount":100}}"#,
                                                  method: "PUT", token: token)
                #expect(increment.json["amount"].int == 1100)
                let fetched = try await sdk.sdk("/classes/Deal/\(dealId)", method: "GET", token: token)
                #expect(fetched.json["stage"].string == "won")
                #expect(fetched.json["amount"].int == 1100)

                // query.startsWith('title', 'Initech r'): PCRE \Q...\E quoting.
                let starts = try await sdk.sdk("/classes/Deal", #"{"where":{"title":{"$regex":"^\\QInitech r\\E"}}}"#,
                                               method: "GET", token: token)
                #expect(starts.json["results"].array.map { $0["title"].string } == ["Initech renewal"])
                // query.count(): limit 0 and count 1.
                let count = try await sdk.sdk("/classes/Deal", #"{"where":{"stage":"won"},"limit":0,"count":1}"#, method: "GET",
                                              token: token)
                #expect(count.json["count"].int == 1)
                #expect(count.json["results"].array.isEmpty)

                // Parse.Object.saveAll: activities related to the contact and to the deal, one batch.
                let activities = try await sdk.sdk("/batch", #"""
                    {"requests":[
                      {"method":"POST","path":"/parse/classes/Activity","body":{"type":"call","subject":"Intro call",
                        "relatedTo":{"__type":"Pointer","className":"Contact","objectId":"\#(contactId)"}}},
                      {"method":"POST","path":"/parse/classes/Activity","body":{"type":"email","subject":"Proposal sent",
                        "relatedTo":{"__type":"Pointer","className":"Deal","objectId":"\#(dealId)"},
                        "dueDate":{"__type":"Date","iso":"2027-01-10T09:00:00.000Z"}}},
                      {"method":"POST","path":"/parse/classes/Activity","body":{"type":"meeting","subject":"Kick-off",
                        "relatedTo":{"__type":"Pointer","className":"Deal","objectId":"\#(dealId)"}}}]}
                    """#, token: token)
                #expect(activities.status == .ok)
                let activityIds = activities.json.array.compactMap { $0["success"]["objectId"].string }
                #expect(activityIds.count == 3)

                // equalTo('relatedTo', deal) and equalTo('relatedTo', contact): one field, two classes.
                let byDeal = try await sdk.sdk("/classes/Activity", #"""
                    {"where":{"relatedTo":{"__type":"Pointer","className":"Deal","objectId":"\#(dealId)"}},"order":"subject"}
                    """#, method: "GET", token: token)
                #expect(byDeal.json["results"].array.map { $0["subject"].string } == ["Kick-off", "Proposal sent"])
                #expect(byDeal.json["results"][0]["relatedTo"]["className"].string == "Deal")
                let byContact = try await sdk.sdk("/classes/Activity", #"""
                    {"where":{"relatedTo":{"__type":"Pointer","className":"Contact","objectId":"\#(contactId)"}},"include":"relatedTo"}
                    """#, method: "GET", token: token)
                #expect(byContact.json["results"].array.map { $0["subject"].string } == ["Intro call"])
                #expect(byContact.json["results"][0]["relatedTo"]["name"].string == "Peter Gibbons")

                // Errors the flow expects.
                #expect(try await sdk.sdk("/classes/Deal", #"{"where":{"stage":{"$foo":1}}}"#, method: "GET", token: token).parseCode == 102)
                #expect(try await sdk.sdk("/classes/Deal", #"{"title":7}"#, token: token).parseCode == 111)
                #expect(try await sdk.sdk("/classes/Deal", #"{"amount":7}"#, token: token).parseCode == 142)

                // Parse.Object.destroyAll: a batch of DELETEs with {} bodies; deal.destroy().
                let destroy = try await sdk.sdk("/batch", #"{"requests":[\#(activityIds.map { #"{"method":"DELETE","path":"/parse/classes/Activity/\#($0)","body":{}}"# }.joined(separator: ","))]}"#,
                                                token: token)
                #expect(destroy.json.array.count == 3)
                #expect(destroy.json.array.allSatisfy { $0["success"].members?.isEmpty == true })
                let destroyed = try await sdk.sdk("/classes/Deal/\(dealId)", method: "DELETE", token: token)
                #expect(destroyed.status == .ok)
                #expect(destroyed.text == "{}")
                expectCORS(destroyed)
                let missing = try await sdk.sdk("/classes/Deal/\(dealId)", method: "GET", token: token)
                #expect(missing.status == .notFound)
                #expect(missing.parseCode == 101)

                // Parse.User.logOut, after which the token is refused.
                let out = try await sdk.sdk("/logout", token: token)
                #expect(out.text == "{}")
                let after = try await sdk.sdk("/users/me", method: "GET", token: token)
                #expect(after.status == .badRequest)
                #expect(after.parseCode == 209)
                expectCORS(after)
            }
        }
    }

    @Test("another user's private deal: fetch and save are 404 code 101, find and count are empty, as the SDK expects")
    func anotherUsersDeal() async throws {
        try await TestGateway.run("sdk_other") { fixture in
            let alice = try await fixture.user("alice"), bob = try await fixture.user("bob")
            try await fixture.withServer { server in
                let sdk = ParseClient(server: server)
                let deal = try await sdk.sdk("/classes/Deal", #"{"title":"Alice only","ACL":{"\#(alice.id)":{"read":true,"write":true}}}"#,
                                             token: alice.token)
                let id = try #require(deal.json["objectId"].string)
                let fetch = try await sdk.sdk("/classes/Deal/\(id)", method: "GET", token: bob.token)
                #expect(fetch.status == .notFound)
                #expect(fetch.parseCode == 101)
                let save = try await sdk.sdk("/classes/Deal/\(id)", #"{"title":"Bob's"}"#, method: "PUT", token: bob.token)
                #expect(save.parseCode == 101)
                let find = try await sdk.sdk("/classes/Deal", #"{"where":{},"count":1,"limit":0}"#, method: "GET", token: bob.token)
                #expect(find.json["count"].int == 0)
                let destroy = try await sdk.sdk("/classes/Deal/\(id)", method: "DELETE", token: bob.token)
                #expect(destroy.parseCode == 101)
            }
        }
    }
}
