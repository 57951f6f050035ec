import APICore
@testable import CRMGraphQL
import CRMStore
import DealGraphTesting
import GraphQLEngine
import Testing

@Suite("The served schema follows the store's own options")
struct ProtectedFieldSchemaTests {
    @Test("a field the store protects is nullable in the served schema, and a reader gets null for it, not an error")
    func protectedFieldIsNullable() async throws {
        try await TestGateway.run("api_protected", configure: { $0.store.protectedFields["Deal"] = ["*": ["title"]] }) { fixture in
            guard case .object(let deal)? = fixture.service.schema.type(named: "Deal"),
                  let title = deal.field(named: "title") else {
                Issue.record("no Deal.title in the served schema")
                return
            }
            #expect(title.type.description == "String", "Deal.title is required, but hidden from some readers")
            #expect(CRMGraphQLService.schemaSDL(model: fixture.store.model).contains("  title: String!\n"),
                    "the default options keep it non-null")

            let alice = try await fixture.user("alice")
            try await fixture.object("Deal", ["title": .string("Secret renewal")], as: alice.access)
            let asAlice = try await fixture.query("{ deals { edges { node { title } } } }", as: alice.caller)
            #expect(asAlice["errors"].isNull, "\(asAlice)")
            #expect(asAlice["data"]["deals"]["edges"][0]["node"]["title"].isNull)
            let asMaster = try await fixture.query("{ deals { edges { node { title } } } }", as: .master)
            #expect(asMaster["data"]["deals"]["edges"][0]["node"]["title"].string == "Secret renewal")
        }
    }

    @Test("a schema field without a resolver, at the root or on a class type, fails at start-up")
    func unansweredFieldsFailLoudly() throws {
        let api = APIModel(model: try .bundled(), protectedFields: StoreOptions().protectedFields)
        let base = SchemaGenerator.sdl(for: api)
        for (extensionSDL, field) in [("extend type Query { unanswered: Int }", "Query.unanswered"),
                                      ("extend type Deal { ghost: String }", "Deal.ghost")] {
            let schema = try extendSchema(try buildSchema(sdl: base), sdl: extensionSDL)
            #expect {
                try ResolverWiring.attach(to: schema, model: api, records: RecordFactory(api: api))
            } throws: { error in
                (error as? WiringError)?.fields == [field]
            }
        }
        let served = try buildSchema(sdl: base)
        try ResolverWiring.attach(to: served, model: api, records: RecordFactory(api: api))
    }
}
