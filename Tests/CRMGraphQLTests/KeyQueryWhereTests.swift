import APICore
import CRMStore
import DealGraphTesting
import GraphQLEngine
import Testing

@Suite("inQueryKey and notInQueryKey in GraphQL where inputs")
struct KeyQueryWhereTests {
    static let companies = """
        query Q($where: CompanyWhereInput) { companies(where: $where, order: [name_ASC]) { edges { node { name } } } }
        """

    static func names(_ json: JSONTree) -> [String] {
        json["data"]["companies"]["edges"].array.compactMap { $0["node"]["name"].string }
    }

    /// `{id: {<op>: {query: {className: "Deal", where: {stage: {equalTo: "won"}}}, key: "company"}}}`.
    static func wonDeals(_ op: String, className: String = "Deal", key: String = "company") -> Record {
        let query: GraphQLValue = ["className": .string(className), "where": ["stage": ["equalTo": "won"]]]
        let select: GraphQLValue = ["query": query, "key": .string(key)]
        let id: GraphQLValue = .object(Record(fields: [(op, select)]))
        return Record(fields: [("where", .object(Record(fields: [("id", id)])))])
    }

    @Test("companies by the deals that point at them, counting only deals the caller can read")
    func companiesWithWonDeals() async throws {
        try await TestGateway.run("api_key_query") { fixture in
            let alice = try await fixture.user("alice"), bob = try await fixture.user("bob")
            let acme = try await fixture.object("Company", ["name": .string("ACME")], acl: .publicReadWrite, as: alice.access)
            let globex = try await fixture.object("Company", ["name": .string("Globex")], acl: .publicReadWrite, as: alice.access)
            try await fixture.object("Company", ["name": .string("Initech")], acl: .publicReadWrite, as: alice.access)
            try await fixture.object("Deal", ["title": .string("A"), "stage": .string("won"), "company": .string(acme)], as: alice.access)
            try await fixture.object("Deal", ["title": .string("L"), "stage": .string("lost"), "company": .string(globex)], as: alice.access)
            // Bob's won deal on Globex is his alone: it must not reveal itself to alice through her filter.
            try await fixture.object("Deal", ["title": .string("G"), "stage": .string("won"), "company": .string(globex)], as: bob.access)

            let asAlice = try await fixture.query(Self.companies, variables: Self.wonDeals("inQueryKey"), as: alice.caller)
            #expect(Self.names(asAlice) == ["ACME"], "\(asAlice)")
            let asMaster = try await fixture.query(Self.companies, variables: Self.wonDeals("inQueryKey"), as: .master)
            #expect(Self.names(asMaster) == ["ACME", "Globex"])
            let without = try await fixture.query(Self.companies, variables: Self.wonDeals("notInQueryKey"), as: alice.caller)
            #expect(Self.names(without) == ["Globex", "Initech"])
        }
    }

    @Test("a key query on an unknown class, an unreadable key or a key of another type is refused")
    func refused() async throws {
        try await TestGateway.run("api_key_query_refused") { fixture in
            let alice = try await fixture.user("alice")
            let cases: [(Record, Int)] = [
                (Self.wonDeals("inQueryKey", className: "Nope"), 119),
                (Self.wonDeals("inQueryKey", className: "Deal\"; DROP TABLE \"Company\"; --"), 119),
                (Self.wonDeals("inQueryKey", key: "password"), 102),
                (Self.wonDeals("inQueryKey", key: "amount"), 102),
                (Self.wonDeals("inQueryKey", key: "contact"), 102),
            ]
            for (variables, code) in cases {
                let json = try await fixture.query(Self.companies, variables: variables, as: alice.caller)
                #expect(json.firstErrorCode == code, "\(variables)")
            }
        }
    }
}
