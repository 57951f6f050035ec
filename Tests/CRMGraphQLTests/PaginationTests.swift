import APICore
import DealGraphTesting
import CRMGraphQL
import CRMStore
import Testing

@Suite("Pagination: Parse's skip, first, after, before and last")
struct PaginationTests {
    /// Five deals d0...d4 visible to one user, and a runner returning titles and page info.
    struct Page {
        let titles: [String?]
        let cursors: [String?]
        let json: JSONTree
    }

    /// Runs `body` with a gateway holding the five deals of one user, alice.
    static func withDeals(_ prefix: String, configure: @escaping (inout APIConfiguration) -> Void = { _ in },
                          _ body: (TestGateway, TestGateway.User) async throws -> Void) async throws {
        try await TestGateway.run(prefix, configure: { configure(&$0.api) }) { fixture in
            let alice = try await fixture.user("alice")
            for index in 0..<5 { try await fixture.object("Deal", ["title": .string("d\(index)")], as: alice.access) }
            try await body(fixture, alice)
        }
    }

    static func page(_ fixture: TestGateway, _ user: TestGateway.User, _ arguments: String) async throws -> Page {
        let json = try await fixture.query("""
            { deals(order: [title_ASC]\(arguments)) { count pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              edges { cursor node { title } } } }
            """, as: user.caller)
        let edges = json["data"]["deals"]["edges"].array
        return Page(titles: edges.map { $0["node"]["title"].string }, cursors: edges.map { $0["cursor"].string }, json: json)
    }

    @Test("first, after, skip, before and last select Parse's window, with its cursors, page info and count")
    func windows() async throws {
        try await Self.withDeals("api_pages") { fixture, alice in
            let first = try await Self.page(fixture, alice, ", first: 2")
            #expect(first.titles == ["d0", "d1"])
            #expect(first.cursors == ["YXJyYXljb25uZWN0aW9uOjA=", "YXJyYXljb25uZWN0aW9uOjE="])
            let info = first.json["data"]["deals"]["pageInfo"]
            #expect(info["hasNextPage"].bool == true)
            #expect(info["hasPreviousPage"].bool == false)
            #expect(info["startCursor"].string == "YXJyYXljb25uZWN0aW9uOjA=")
            #expect(info["endCursor"].string == "YXJyYXljb25uZWN0aW9uOjE=")
            #expect(first.json["data"]["deals"]["count"].int == 5)

            let next = try await Self.page(fixture, alice, ", first: 2, after: \"YXJyYXljb25uZWN0aW9uOjE=\"")
            #expect(next.titles == ["d2", "d3"])
            #expect(next.json["data"]["deals"]["pageInfo"]["hasPreviousPage"].bool == true)
            #expect(next.json["data"]["deals"]["pageInfo"]["hasNextPage"].bool == true)

            #expect(try await Self.page(fixture, alice, ", skip: 1, first: 1").titles == ["d1"])
            #expect(try await Self.page(fixture, alice, ", before: \"\(cursor(2))\"").titles == ["d0", "d1"])
            #expect(try await Self.page(fixture, alice, ", first: 3, before: \"\(cursor(2))\"").titles == ["d0", "d1"])
            let last = try await Self.page(fixture, alice, ", last: 2")
            #expect(last.titles == ["d3", "d4"])
            #expect(last.cursors == [cursor(3), cursor(4)])
            #expect(last.json["data"]["deals"]["pageInfo"]["hasNextPage"].bool == false)
            #expect(try await Self.page(fixture, alice, ", first: 4, last: 2").titles == ["d2", "d3"])
            #expect(try await Self.page(fixture, alice, ", after: \"\(cursor(0))\", before: \"\(cursor(4))\", last: 2").titles == ["d2", "d3"])
            #expect(try await Self.page(fixture, alice, ", last: 10").titles.count == 5)
            #expect(try await Self.page(fixture, alice, ", last: 0").titles == [])
            #expect(try await Self.page(fixture, alice, ", skip: 4, before: \"\(cursor(2))\"").titles == [])
        }
    }

    @Test("first: 0 returns no edges with the count; empty pages keep cursors")
    func emptyPages() async throws {
        try await Self.withDeals("api_pages_empty") { fixture, alice in
            let none = try await Self.page(fixture, alice, ", first: 0")
            #expect(none.titles == [])
            #expect(none.json["data"]["deals"]["count"].int == 5)
            let beyond = try await Self.page(fixture, alice, ", skip: 10")
            #expect(beyond.titles == [])
            #expect(beyond.json["data"]["deals"]["pageInfo"]["startCursor"].string == cursor(10))
            #expect(beyond.json["data"]["deals"]["pageInfo"]["endCursor"].string == cursor(10))
            #expect(beyond.json["data"]["deals"]["pageInfo"]["hasPreviousPage"].bool == true)
        }
    }

    @Test("invalid arguments are 102 with Parse's messages")
    func invalid() async throws {
        try await Self.withDeals("api_pages_invalid") { fixture, alice in
            let cases = [
                ("skip: -1", "Skip should be a positive number"),
                ("first: -1", "First should be a positive number"),
                ("last: -3", "Last should be a positive number"),
                ("after: \"bogus\"", "After is not a valid cursor"),
                ("before: \"\(Data("arrayconnection:x".utf8).base64EncodedString())\"", "Before is not a valid cursor"),
            ]
            for (arguments, message) in cases {
                let json = try await fixture.query("{ deals(\(arguments)) { edges { cursor } } }", as: alice.caller)
                #expect(json.firstErrorCode == 102, "\(arguments)")
                #expect(json.firstErrorMessage == message)
                #expect(json["data"].isNull)
            }
        }
    }

    @Test("pages are capped at maxLimit and default to defaultLimit")
    func limits() async throws {
        try await Self.withDeals("api_pages_limits", configure: { configuration in
            configuration.maxLimit = 3
            configuration.defaultLimit = 2
        }) { (fixture: TestGateway, alice: TestGateway.User) async throws in
            #expect(try await Self.page(fixture, alice, "").titles == ["d0", "d1"])
            #expect(try await Self.page(fixture, alice, ", first: 1000").titles == ["d0", "d1", "d2"])
            #expect(try await Self.page(fixture, alice, ", last: 1000").titles == ["d2", "d3", "d4"])
        }
    }
}

func cursor(_ offset: Int) -> String {
    Data("arrayconnection:\(offset)".utf8).base64EncodedString()
}

import Foundation
