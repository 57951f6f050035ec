import APICore
import CRMGraphQL
import CRMStore
import DealGraphTesting
import Testing

@Suite("Introspection")
struct IntrospectionTests {
    @Test("graphql-core's build_client_schema reads our introspection back as the printed SDL")
    func clientSchema() async throws {
        try await TestGateway.run("api_introspection") { fixture in
            let request = GraphQLRequest(query: try GraphQLCore.introspectionQuery())
            guard case .executed(let body) = await fixture.service.execute(request, caller: .master) else {
                Issue.record("introspection was refused")
                return
            }
            let fromIntrospection = try GraphQLCore.printClientSchema(introspectionJSON: String(decoding: body, as: UTF8.self))
            let fromSDL = try GraphQLCore.reprint(sdl: CRMGraphQLService.schemaSDL(model: try ClassModel.bundled()))
            #expect(fromIntrospection == fromSDL)
            #expect(fromIntrospection.contains("type Deal implements ParseObject & Node"))
        }
    }
}
