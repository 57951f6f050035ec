import CRMGraphQL
import CRMStore
import GraphQLEngine
import Testing

@Suite("Request errors and limits: refused before any SQL")
struct RequestLimitTests {
    @Test("syntax errors, validation errors, limits, wrong variables and GET mutations")
    func refused() async throws {
        let fixture = try await APIFixture.make("api_limits") { configuration in
            configuration.maxDepth = 6
            configuration.maxAliases = 3
            configuration.maxFields = 50
            configuration.maxTokens = 2_000
        }
        let deep = "{ deals { edges { node { contact { company { deals { edges { node { title } } } } } } } } }"
        let aliases = "{ a: health b: health c: health d: health }"
        let wide = "{ deals { edges { node { " + (0..<60).map { "f\($0): title" }.joined(separator: " ") + " } } } }"
        let huge = "{ " + String(repeating: "health ", count: 3_000) + "}"
        let nested = String(repeating: "{ deals { edges { node ", count: 200) + String(repeating: "} } }", count: 200)
        for query in ["{ deals {", "{ nope }", deep, aliases, wide, huge, nested, "query { deals(first: \"x\") { count } }"] {
            let before = fixture.pool.statementCount
            let (outcome, json) = try await fixture.run(query, as: master)
            #expect(outcome == "requestError", "\(query.prefix(60))")
            #expect(json["data"] == .null && json.members?["data"] == nil)
            #expect(!json["errors"].array.isEmpty)
            #expect(fixture.pool.statementCount == before)
        }
        let variables = Record(fields: [("first", .string("ten"))])
        let (outcome, badInput) = try await fixture.run("query Q($first: Int) { deals(first: $first) { count } }", variables: variables, as: master)
        #expect(outcome == "requestError")
        #expect(badInput["errors"][0]["extensions"]["code"].string == "BAD_USER_INPUT")
        #expect(try await fixture.run("{ deals {", as: master).json["errors"][0]["extensions"]["code"].string == "GRAPHQL_PARSE_FAILED")
        #expect(try await fixture.run("{ nope }", as: master).json["errors"][0]["extensions"]["code"].string == "GRAPHQL_VALIDATION_FAILED")
        let (method, _) = try await fixture.run("mutation { logOut(input: {}) { ok } }", as: master, allowMutations: false)
        #expect(method == "methodNotAllowed")
        let (query, json) = try await fixture.run("{ health }", as: master, allowMutations: false)
        #expect(query == "executed")
        #expect(json["data"]["health"].bool == true)
    }

    @Test("variables carry hostile values safely")
    func hostileVariables() async throws {
        let fixture = try await APIFixture.make("api_hostile")
        let alice = try await fixture.user("alice")
        try await fixture.object("Deal", ["title": .string("safe")], as: alice.context)
        let injection: GraphQLValue = .object(Record(fields: [("title", .object(Record(fields: [("equalTo", "' OR 1=1 --")])))]))
        let json = try await fixture.query("query Q($where: DealWhereInput) { deals(where: $where) { count } }",
                                           variables: Record(fields: [("where", injection)]), as: alice.credentials)
        #expect(json["data"]["deals"]["count"].int == 0)
        let order = try await fixture.run("query { deals(order: [title_ASC, \"x\"]) { count } }", as: alice.credentials)
        #expect(order.outcome == "requestError")
        let longId = String(repeating: "A", count: 10_000)
        let missing = try await fixture.query("{ deal(id: \"\(longId)\") { title } }", as: alice.credentials)
        #expect(missing.firstErrorCode == 101)
        let badDate = try await fixture.query("{ deals(where: { createdAt: { lessThan: \"not a date\" } }) { count } }", as: alice.credentials)
        #expect(badDate.firstErrorCode == 111)
        for text in ["2025-02-30T00:00:00Z", "2025-03-31T00:00:00Zjunk", "2025-03-31T00:00:00", "2025-03-31T00:00:00+02:60", "1e308"] {
            for literal in ["\"\(text)\"", "{ __type: \"Date\", iso: \"\(text)\" }"] {
                let refused = try await fixture.query("{ deals(where: { createdAt: { lessThan: \(literal) } }) { count } }", as: alice.credentials)
                #expect(refused.firstErrorCode == 111, "\(literal)")
            }
        }
        for literal in ["\"2999-01-01T00:00:00.5+02:00\"", "{ __type: \"Date\", iso: \"2999-01-01T00:00:00Z\" }"] {
            let accepted = try await fixture.query("{ deals(where: { createdAt: { lessThan: \(literal) } }) { count } }", as: alice.credentials)
            #expect(accepted["data"]["deals"]["count"].int == 1, "\(literal)")
        }
        var nested: GraphQLValue = .object(Record(fields: [("title", .object(Record(fields: [("exists", true)])))]))
        for _ in 0..<30 { nested = .object(Record(fields: [("AND", .list([nested]))])) }
        let deep = try await fixture.query("query Q($where: DealWhereInput) { deals(where: $where) { count } }",
                                           variables: Record(fields: [("where", nested)]), as: alice.credentials)
        #expect(deep.firstErrorCode == 102)
        let many = GraphQLValue.list((0..<20_000).map { .string("t\($0)") })
        let long = try await fixture.query("query Q($titles: [String]) { deals(where: { title: { in: $titles } }) { count } }",
                                           variables: Record(fields: [("titles", many)]), as: alice.credentials)
        #expect(long.firstErrorCode == 102)
        let wrongType = try await fixture.run("{ deals(where: { amount: { equalTo: \"ten\" } }) { count } }", as: alice.credentials)
        #expect(wrongType.outcome == "requestError")
        let still = try await fixture.query("{ deals { count } }", as: alice.credentials)
        #expect(still["data"]["deals"]["count"].int == 1)
    }
}
