import CRMGraphQL
import CRMStore
import Testing

@Suite("Introspection")
struct IntrospectionTests {
    @Test("graphql-core's build_client_schema reads our introspection back as the printed SDL")
    func clientSchema() async throws {
        let fixture = try await APIFixture.make("api_introspection")
        let query = try GraphQLCore.run("from graphql import get_introspection_query; print(get_introspection_query())")
        let request = GraphQLRequest(query: query)
        guard case .executed(let body) = await fixture.service.execute(request, credentials: master, allowMutations: false) else {
            Issue.record("introspection was refused")
            return
        }
        let fromIntrospection = try GraphQLCore.run("""
            import sys, json
            from graphql import build_client_schema, print_schema
            result = json.load(sys.stdin)
            if result.get("errors"): raise SystemExit(json.dumps(result["errors"]))
            sys.stdout.write(print_schema(build_client_schema(result["data"])))
            """, input: String(decoding: body, as: UTF8.self))
        let fromSDL = try GraphQLCore.run("""
            import sys
            from graphql import build_schema, print_schema
            sys.stdout.write(print_schema(build_schema(sys.stdin.read())))
            """, input: CRMGraphQLService.schemaSDL(model: try ClassModel.bundled()))
        #expect(fromIntrospection == fromSDL)
        #expect(fromIntrospection.contains("type Deal implements ParseObject & Node"))
    }
}
