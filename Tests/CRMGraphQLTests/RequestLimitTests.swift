import APICore
import DealGraphTesting
import CRMGraphQL
import CRMStore
import GraphQLEngine
import Testing

@Suite("Request errors and limits: refused before any SQL")
struct RequestLimitTests {
    @Test("syntax errors, validation errors, limits and wrong variables are request errors that run no statement; a mutation where only queries may run is refused")
    func refused() async throws {
        try await TestGateway.run("api_limits", configure: { configuration in
            configuration.api.maxDepth = 6
            configuration.api.maxAliases = 3
            configuration.api.maxFields = 50
            configuration.api.maxTokens = 2_000
        }) { fixture in
            let deep = "{ deals { edges { node { contact { company { deals { edges { node { title } } } } } } } } }"
            let aliases = "{ a: health b: health c: health d: health }"
            let wide = "{ deals { edges { node { " + (0..<60).map { "f\($0): title" }.joined(separator: " ") + " } } } }"
            let huge = "{ " + String(repeating: "health ", count: 3_000) + "}"
            let nested = String(repeating: "{ deals { edges { node ", count: 200) + String(repeating: "} } }", count: 200)
            for query in ["{ deals {", "{ nope }", deep, aliases, wide, huge, nested, "query { deals(first: \"x\") { count } }"] {
                let before = fixture.pool.statementCount
                let (outcome, json) = try await fixture.graphQL(query, as: .master)
                #expect(outcome == "requestError", "\(query.prefix(60))")
                #expect(json["data"] == .null && json.members?["data"] == nil)
                #expect(!json["errors"].array.isEmpty)
                #expect(fixture.pool.statementCount == before)
            }
            let variables = Record(fields: [("first", .string("ten"))])
            let (outcome, badInput) = try await fixture.graphQL("query Q($first: Int) { deals(first: $first) { count } }", variables: variables, as: .master)
            #expect(outcome == "requestError")
            #expect(badInput["errors"][0]["extensions"]["code"].string == "BAD_USER_INPUT")
            #expect(try await fixture.graphQL("{ deals {", as: .master).json["errors"][0]["extensions"]["code"].string == "GRAPHQL_PARSE_FAILED")
            #expect(try await fixture.graphQL("{ nope }", as: .master).json["errors"][0]["extensions"]["code"].string == "GRAPHQL_VALIDATION_FAILED")
            let (method, _) = try await fixture.graphQL("mutation { logOut(input: {}) { ok } }", as: .master, queriesOnly: true)
            #expect(method == "methodNotAllowed")
            let (query, json) = try await fixture.graphQL("{ health }", as: .master, queriesOnly: true)
            #expect(query == "executed")
            #expect(json["data"]["health"].bool == true)
        }
    }

    @Test("variables carry hostile values safely")
    func hostileVariables() async throws {
        try await TestGateway.run("api_hostile") { fixture in
            let alice = try await fixture.user("alice")
            try await fixture.object("Deal", ["title": .string("safe")], as: alice.access)
            let injection: GraphQLValue = .object(Record(fields: [("title", .object(Record(fields: [("equalTo", "' OR 1=1 --")])))]))
            let json = try await fixture.query("query Q($where: DealWhereInput) { deals(where: $where) { count } }",
                                               variables: Record(fields: [("where", injection)]), as: alice.caller)
            #expect(json["data"]["deals"]["count"].int == 0)
            let order = try await fixture.graphQL("query { deals(order: [title_ASC, \"x\"]) { count } }", as: alice.caller)
            #expect(order.kind == "requestError")
            let longId = String(repeating: "A", count: 10_000)
            let missing = try await fixture.query("{ deal(id: \"\(longId)\") { title } }", as: alice.caller)
            #expect(missing.firstErrorCode == 101)
            let badDate = try await fixture.query("{ deals(where: { createdAt: { lessThan: \"not a date\" } }) { count } }", as: alice.caller)
            #expect(badDate.firstErrorCode == 111)
            for text in ["2025-02-30T00:00:00Z", "2025-03-31T00:00:00Zjunk", "2025-03-31T00:00:00", "2025-03-31T00:00:00+02:60", "1e308"] {
                for literal in ["\"\(text)\"", "{ __type: \"Date\", iso: \"\(text)\" }"] {
                    let refused = try await fixture.query("{ deals(where: { createdAt: { lessThan: \(literal) } }) { count } }", as: alice.caller)
                    #expect(refused.firstErrorCode == 111, "\(literal)")
                }
            }
            for literal in ["\"2999-01-01T00:00:00.5+02:00\"", "{ __type: \"Date\", iso: \"2999-01-01T00:00:00Z\" }"] {
                let accepted = try await fixture.query("{ deals(where: { createdAt: { lessThan: \(literal) } }) { count } }", as: alice.caller)
                #expect(accepted["data"]["deals"]["count"].int == 1, "\(literal)")
            }
            var nested: GraphQLValue = .object(Record(fields: [("title", .object(Record(fields: [("exists", true)])))]))
            for _ in 0..<30 { nested = .object(Record(fields: [("AND", .list([nested]))])) }
            let deep = try await fixture.query("query Q($where: DealWhereInput) { deals(where: $where) { count } }",
                                               variables: Record(fields: [("where", nested)]), as: alice.caller)
            #expect(deep.firstErrorCode == 102)
            let many = GraphQLValue.list((0..<20_000).map { .string("t\($0)") })
            let long = try await fixture.query("query Q($titles: [String]) { deals(where: { title: { in: $titles } }) { count } }",
                                               variables: Record(fields: [("titles", many)]), as: alice.caller)
            #expect(long.firstErrorCode == 102)
            let wrongType = try await fixture.graphQL("{ deals(where: { amount: { equalTo: \"ten\" } }) { count } }", as: alice.caller)
            #expect(wrongType.kind == "requestError")
            let still = try await fixture.query("{ deals { count } }", as: alice.caller)
            #expect(still["data"]["deals"]["count"].int == 1)
        }
    }
}
