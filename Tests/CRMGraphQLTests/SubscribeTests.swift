import APICore
import CRMGraphQL
import DealGraphTesting
import Testing

@Suite("subscribe: the streaming entry point beside execute")
struct SubscribeTests {
    static func outcomes(_ stream: AsyncStream<GraphQLOutcome>) async -> [(kind: String, json: JSONTree)] {
        var result: [(kind: String, json: JSONTree)] = []
        for await outcome in stream {
            let kind = switch outcome {
            case .executed: "executed"
            case .unavailable: "unavailable"
            case .requestError: "requestError"
            case .methodNotAllowed: "methodNotAllowed"
            }
            result.append((kind, (try? JSONTree(bytes: outcome.body)) ?? .null))
        }
        return result
    }

    @Test("a query yields its one response, resolved for the caller, then the stream ends")
    func query() async throws {
        try await TestGateway.run("api_subscribe") { fixture in
            let alice = try await fixture.user("alice")
            try await fixture.object("Deal", ["title": .string("Mine")], as: alice.access)
            let stream = await fixture.service.subscribe(GraphQLRequest(query: "{ deals { count } viewer { user { username } } }"),
                                                         caller: alice.caller)
            let outcomes = await Self.outcomes(stream)
            #expect(outcomes.count == 1)
            #expect(outcomes.first?.kind == "executed")
            #expect(outcomes.first?.json["data"]["deals"]["count"].int == 1)
            #expect(outcomes.first?.json["data"]["viewer"]["user"]["username"].string == "alice")
        }
    }

    @Test("a request that cannot run yields one request error, as execute answers it")
    func refused() async throws {
        try await TestGateway.run("api_subscribe_refused") { fixture in
            for (query, code) in [("{ deals {", "GRAPHQL_PARSE_FAILED"), ("{ nope }", "GRAPHQL_VALIDATION_FAILED"),
                                  ("subscription { deals { count } }", "GRAPHQL_VALIDATION_FAILED")] {
                let outcomes = await Self.outcomes(await fixture.service.subscribe(GraphQLRequest(query: query), caller: .master))
                #expect(outcomes.count == 1)
                #expect(outcomes.first?.kind == "requestError", "\(query)")
                #expect(outcomes.first?.json["errors"][0]["extensions"]["code"].string == code, "\(query)")
                let executed = await fixture.service.execute(GraphQLRequest(query: query), caller: .master)
                let answered = try JSONTree(bytes: executed.body)
                #expect(answered == outcomes.first?.json, "execute answers the same")
            }
        }
    }
}
