import GraphQLEngineFixtures
import Testing
@testable import GraphQLEngine

/// The peers' workload (crm-nested over the in-memory CRM) against graphql-js 16's own output.
@Suite struct CRMResponseTests {
    /// graphql-js 16.6 `JSON.stringify(execute(...))` for `first: 2`.
    static let twoDeals = #"{"data":{"deals":[{"id":"d0","title":"Deal 0","amount":0,"stage":"lead","expectedCloseDate":"2026-12-01T00:00:00.000Z","notes":"note 0","contact":{"id":"p0","name":"Person 0","email":"p0@example.com","phone":"+15550000","company":{"id":"c0","name":"Company 0","website":"https://c0.example","industry":"Software"}},"company":{"id":"c0","name":"Company 0","website":"https://c0.example","industry":"Software"}},{"id":"d1","title":"Deal 1","amount":10.5,"stage":"qualified","expectedCloseDate":"2026-12-01T00:00:00.000Z","notes":"note 1","contact":{"id":"p1","name":"Person 1","email":"p1@example.com","phone":"+15550001","company":{"id":"c1","name":"Company 1","website":"https://c1.example","industry":"Software"}},"company":{"id":"c1","name":"Company 1","website":"https://c1.example","industry":"Software"}}]}}"#

    @Test func twoDealsMatchGraphQLJS() async throws {
        let schema = try CRMFixture.schema(deals: 1000)
        let text = await run(schema, CRMFixture.pipelineQuery, variables: ["first": 2])
        #expect(text == Self.twoDeals)
    }

    /// All 1,000 deals: the same 414,736 bytes as graphql-js (the FNV-1a hash of its output).
    @Test func thousandDealsMatchGraphQLJS() async throws {
        let schema = try CRMFixture.schema(deals: 1000)
        let response = await graphql(schema: schema, source: CRMFixture.pipelineQuery, variables: ["first": 1000])
        #expect(response.errors.isEmpty)
        #expect(response.json.count == 414_736)
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in response.json {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        #expect(hash == 0x892D_8D6A_77A9_A253)
    }

    @Test func stageArgumentFilters() async throws {
        let schema = try CRMFixture.schema(deals: 12)
        let text = await run(schema, "{ deals(stage: \"won\") { id stage } }")
        #expect(text == #"{"data":{"deals":[{"id":"d4","stage":"won"},{"id":"d10","stage":"won"}]}}"#)
    }
}
