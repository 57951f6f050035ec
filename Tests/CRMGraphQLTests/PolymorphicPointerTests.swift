import APICore
import DealGraphTesting
import CRMGraphQL
import CRMStore
import Testing

@Suite("Activity.relatedTo: a pointer to a Contact or a Deal")
struct PolymorphicPointerTests {
    @Test("union output, link by global id, where with global ids and have<Class>, reverse connections")
    func relatedTo() async throws {
        try await TestGateway.run("api_related") { fixture in
            let alice = try await fixture.user("alice")
            let contact = try await fixture.object("Contact", ["name": .string("Bob")], as: alice.access)
            let deal = try await fixture.object("Deal", ["title": .string("Big deal")], as: alice.access)
            let created = try await fixture.query("""
                mutation { a: createActivity(input: { fields: { subject: "call Bob", relatedTo: { link: "\(globalId("Contact", contact))" } } }) {
                    activity { relatedTo { __typename ... on Contact { name } } createdBy { username } } }
                  b: createActivity(input: { fields: { subject: "send offer", relatedTo: { link: "\(globalId("Deal", deal))" } } }) {
                    activity { relatedTo { __typename ... on Deal { title } } } } }
                """, as: alice.caller)
            #expect(created["data"]["a"]["activity"]["relatedTo"]["__typename"].string == "Contact")
            #expect(created["data"]["a"]["activity"]["relatedTo"]["name"].string == "Bob")
            #expect(created["data"]["a"]["activity"]["createdBy"]["username"].string == "alice")
            #expect(created["data"]["b"]["activity"]["relatedTo"]["title"].string == "Big deal")

            let raw = try await fixture.query("""
                mutation { createActivity(input: { fields: { subject: "x", relatedTo: { link: "\(contact)" } } }) { activity { id } } }
                """, as: alice.caller)
            #expect(raw.firstErrorCode == 106)

            func subjects(_ whereText: String) async throws -> [String?] {
                let json = try await fixture.query("{ activities(where: \(whereText), order: [subject_ASC]) { edges { node { subject } } } }",
                                                   as: alice.caller)
                return json["data"]["activities"]["edges"].array.map { $0["node"]["subject"].string }
            }
            #expect(try await subjects("{ relatedTo: { equalTo: \"\(globalId("Deal", deal))\" } }") == ["send offer"])
            #expect(try await subjects("{ relatedTo: { in: [\"\(globalId("Deal", deal))\", \"\(globalId("Contact", contact))\"] } }")
                    == ["call Bob", "send offer"])
            #expect(try await subjects("{ relatedTo: { haveContact: { name: { equalTo: \"Bob\" } } } }") == ["call Bob"])
            #expect(try await subjects("{ relatedTo: { haveDeal: { title: { matchesRegex: \"big\", options: \"i\" } } } }") == ["send offer"])
            #expect(try await subjects("{ relatedTo: { exists: false } }") == [])

            let reverse = try await fixture.query("""
                { contact(id: "\(contact)") { activities { count edges { node { subject } } } }
                  deal(id: "\(deal)") { activities { count edges { node { subject } } } } }
                """, as: alice.caller)
            #expect(reverse["data"]["contact"]["activities"]["count"].int == 1)
            #expect(reverse["data"]["contact"]["activities"]["edges"][0]["node"]["subject"].string == "call Bob")
            #expect(reverse["data"]["deal"]["activities"]["edges"][0]["node"]["subject"].string == "send offer")
        }
    }
}
