import Testing
@testable import GraphQLEngine

@Suite struct ExecutionSmokeTests {
    @Test func nestedQueryOverRecords() async throws {
        let schema = try CRMFixture.schema(deals: 3)
        let response = await graphql(schema: schema, source: """
            query($first: Int) { deals(first: $first) { id title amount contact { name company { name } } company { id } } }
            """, variables: ["first": 2])
        #expect(response.text == #"{"data":{"deals":[{"id":"d0","title":"Deal 0","amount":0,"contact":{"name":"Person 0","company":{"name":"Company 0"}},"company":{"id":"c0"}},{"id":"d1","title":"Deal 1","amount":10.5,"contact":{"name":"Person 1","company":{"name":"Company 1"}},"company":{"id":"c1"}}]}}"#)
    }
}
