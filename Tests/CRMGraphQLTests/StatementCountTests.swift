import APICore
import DealGraphTesting
import CRMGraphQL
import CRMStore
import Testing

@Suite("Statements per request do not grow with the page size")
struct StatementCountTests {
    /// Deals pointing at a contact, a company and a user; the contacts belong to other
    /// companies, so every level needs its own load.
    @Test("deals -> contact -> company, company, assignedTo: 5 data statements for 5, 50 and 500 deals")
    func nestedPointers() async throws {
        try await TestGateway.run("api_statements") { fixture in
            let users = [try await fixture.user("u1"), try await fixture.user("u2"), try await fixture.user("u3")]
            var dealCompanies: [String] = [], contactCompanies: [String] = [], contacts: [String] = []
            for index in 0..<10 {
                dealCompanies.append(try await fixture.object("Company", ["name": .string("deal company \(index)")], as: .master))
                contactCompanies.append(try await fixture.object("Company", ["name": .string("contact company \(index)")], as: .master))
            }
            for index in 0..<20 {
                contacts.append(try await fixture.object("Contact", [
                    "name": .string("contact \(index)"),
                    "company": .pointer(className: "Company", objectId: contactCompanies[index % 10]),
                ], as: .master))
            }
            for index in 0..<500 {
                try await fixture.object("Deal", [
                    "title": .string("deal \(index)"),
                    "contact": .pointer(className: "Contact", objectId: contacts[index % 20]),
                    "company": .pointer(className: "Company", objectId: dealCompanies[index % 10]),
                    "assignedTo": .pointer(className: "_User", objectId: users[index % 3].id),
                ], as: .master)
            }
            for size in [5, 50, 500] {
                let before = fixture.pool.statementCount
                let json = try await fixture.query("""
                    { deals(first: \(size)) { edges { node { contact { company { name } } company { name } assignedTo { username } } } } }
                    """, as: .master)
                let statements = fixture.pool.statementCount - before
                let edges = json["data"]["deals"]["edges"].array
                #expect(edges.count == size)
                #expect(edges.allSatisfy { !$0["node"]["contact"]["company"]["name"].isNull && !$0["node"]["assignedTo"]["username"].isNull })
                #expect(statements == 5, "\(size) deals took \(statements) statements")
            }
            let before = fixture.pool.statementCount
            let json = try await fixture.query("""
                { deals(first: 40) { edges { node { a: company { name } b: company { name website } c: contact { name }
                  d: contact { company { name } } } } } }
                """, as: .master)
            #expect(fixture.pool.statementCount - before == 4, "sibling pointers to one class share one statement per level")
            let edges = json["data"]["deals"]["edges"].array
            #expect(edges.count == 40)
            #expect(edges.allSatisfy { $0["node"]["a"]["name"] == $0["node"]["b"]["name"] && !$0["node"]["d"]["company"]["name"].isNull })
        }
    }

    @Test("reverse connections: one statement for all parents, one more for counts")
    func reverseConnections() async throws {
        try await TestGateway.run("api_statements_reverse") { fixture in
            for index in 0..<30 {
                let company = try await fixture.object("Company", ["name": .string("c\(index)")], as: .master)
                for deal in 0..<4 {
                    try await fixture.object("Deal", ["title": .string("c\(index)-d\(deal)"),
                                                      "company": .pointer(className: "Company", objectId: company)], as: .master)
                }
            }
            var before = fixture.pool.statementCount
            let json = try await fixture.query("{ companies(first: 30) { edges { node { name deals(first: 2, order: [title_ASC]) { edges { node { title } } } } } } }",
                                               as: .master)
            #expect(fixture.pool.statementCount - before == 2)
            let companies = json["data"]["companies"]["edges"].array
            #expect(companies.count == 30)
            for company in companies {
                let name = company["node"]["name"].string ?? ""
                #expect(company["node"]["deals"]["edges"].array.map { $0["node"]["title"].string } == ["\(name)-d0", "\(name)-d1"])
            }
            before = fixture.pool.statementCount
            let counted = try await fixture.query("{ companies(first: 30) { edges { node { deals(last: 1, order: [title_ASC]) { count edges { cursor node { title } } } } } } }",
                                                  as: .master)
            #expect(fixture.pool.statementCount - before == 3)
            let firstCompany = counted["data"]["companies"]["edges"][0]["node"]["deals"]
            #expect(firstCompany["count"].int == 4)
            #expect(firstCompany["edges"][0]["cursor"].string == cursor(3))
            #expect(firstCompany["edges"][0]["node"]["title"].string?.hasSuffix("-d3") == true)
            before = fixture.pool.statementCount
            let lastTwo = try await fixture.query("{ companies(first: 30) { edges { node { name deals(last: 2, order: [title_ASC]) { edges { node { title } } } } } } }",
                                                  as: .master)
            #expect(fixture.pool.statementCount - before == 2, "last without cursors needs no count")
            for company in lastTwo["data"]["companies"]["edges"].array {
                let name = company["node"]["name"].string ?? ""
                #expect(company["node"]["deals"]["edges"].array.map { $0["node"]["title"].string } == ["\(name)-d2", "\(name)-d3"])
            }
            // Objects a list read are remembered: a pointer back to them needs no statement when the
            // list read the fields it selects, and one statement when it did not.
            before = fixture.pool.statementCount
            let back = try await fixture.query("""
                { companies(first: 30) { edges { node { name deals(first: 2) { edges { node { company { name } } } } } } } }
                """, as: .master)
            #expect(fixture.pool.statementCount - before == 2, "companies, their deals; company { name } from the list")
            for company in back["data"]["companies"]["edges"].array {
                let name = company["node"]["name"].string
                #expect(company["node"]["deals"]["edges"].array.map { $0["node"]["company"]["name"].string } == [name, name])
            }
            before = fixture.pool.statementCount
            let more = try await fixture.query("""
                { companies(first: 30) { edges { node { name deals(first: 2) { edges { node { company { name website } } } } } } } }
                """, as: .master)
            #expect(fixture.pool.statementCount - before == 3, "website was not read by the list: one load for the companies")
            #expect(more["data"]["companies"]["edges"].array.allSatisfy { company in
                company["node"]["deals"]["edges"].array.allSatisfy { $0["node"]["company"]["name"] == company["node"]["name"] }
            })
        }
    }
}
