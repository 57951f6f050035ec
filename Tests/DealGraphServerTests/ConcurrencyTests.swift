import DealGraphTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Concurrent writers over real HTTP against real PostgreSQL: nothing lost, no torn state, no
/// half-written nested create.
@Suite("Concurrent writes", .timeLimit(.minutes(3)))
struct ConcurrencyTests {
    @Test("16 clients incrementing one field 10 times each lose no increment")
    func increments() async throws {
        try await TestGateway.run("concurrent_increment") { f in
            let alice = try await f.user("alice")
            let id = try await f.object("Deal", ["title": .string("Counter"), "amount": .number(0)], as: alice.access)
            try await f.withServer { server in
                let parse = ParseClient(server: server)
                let failures = try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<16 {
                        group.addTask {
                            var failed = 0
                            for _ in 0..<10 {
                                let reply = try await parse.rest(.put, "/classes/Deal/\(id)", body: #"{"amount":{"__op":"Increment","amount":1}}"#,
                                                                 token: alice.token)
                                if reply.status != .ok { failed += 1 }
                            }
                            return failed
                        }
                    }
                    return try await group.reduce(0, +)
                }
                #expect(failures == 0)
                let final = try await parse.rest(.get, "/classes/Deal/\(id)", token: alice.token)
                #expect(final.json["amount"].int == 160 || final.json["amount"].double == 160, "\(final.text)")
            }
        }
    }

    @Test("concurrent stage moves of one deal end in one written state, with that write's updatedAt")
    func stageMoves() async throws {
        try await TestGateway.run("concurrent_stage") { f in
            let alice = try await f.user("alice")
            let id = try await f.object("Deal", ["title": .string("Contested"), "stage": .string("lead")], as: alice.access)
            try await f.withServer { server in
                let parse = ParseClient(server: server)
                let stages = (0..<16).map { "stage-\($0)" }
                let written = try await withThrowingTaskGroup(of: (String, String?).self) { group in
                    for stage in stages {
                        group.addTask {
                            let reply = try await parse.rest(.put, "/classes/Deal/\(id)", body: #"{"stage":"\#(stage)"}"#, token: alice.token)
                            #expect(reply.status == .ok, "\(reply.text)")
                            return (stage, reply.json["updatedAt"].string)
                        }
                    }
                    return try await group.reduce(into: [String: String]()) { $0[$1.0] = $1.1 }
                }
                let final = try await parse.rest(.get, "/classes/Deal/\(id)", token: alice.token)
                let stage = try #require(final.json["stage"].string)
                #expect(stages.contains(stage), "one of the written states: \(stage)")
                #expect(written[stage] == final.json["updatedAt"].string, "the updatedAt of the write that stands")
            }
        }
    }

    @Test("a nested create that fails at its last step leaves no row behind")
    func nestedCreateRollsBack() async throws {
        try await TestGateway.run("nested_rollback") { f in
            let alice = try await f.user("alice")
            // The deal's own insert, the last step after the company and the contact, fails.
            _ = try await f.pool.query("""
                CREATE FUNCTION refuse_deal() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW."title" = 'fail at the end' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$
                """)
            _ = try await f.pool.query(#"CREATE TRIGGER refuse_deal BEFORE INSERT ON "Deal" FOR EACH ROW EXECUTE FUNCTION refuse_deal()"#)
            try await f.withServer { server in
                func counts() async throws -> [Int] {
                    var result: [Int] = []
                    for table in ["Company", "Contact", "Deal"] {
                        result.append(try await f.pool.query(#"SELECT count(*) FROM "\#(table)""#).first?.int(0) ?? -1)
                    }
                    return result
                }
                let nested = """
                    mutation Nested($title: String!) { createDeal(input: {fields: {title: $title,
                      company: {createAndLink: {name: "Nested Co"}},
                      contact: {createAndLink: {name: "Nested Person", company: {createAndLink: {name: "Other Co"}}}}}}) { deal { id } } }
                    """
                let failed = try await server.graphQL(nested, variables: #"{"title":"fail at the end"}"#, token: alice.token)
                #expect(failed.json["data"]["createDeal"] == .null && failed.json["errors"][0]["message"].string != nil, "\(failed.text)")
                #expect(try await counts() == [0, 0, 0], "nothing of the failed create stays")
                let fine = try await server.graphQL(nested, variables: #"{"title":"fine"}"#, token: alice.token)
                #expect(fine.json["data"]["createDeal"]["deal"]["id"].string != nil, "\(fine.text)")
                #expect(try await counts() == [2, 1, 1], "the same create without the failure writes every row")
            }
        }
    }
}
