import Testing
@testable import GraphQLEngine

/// CollectFields (spec 6.3.2): fragments, type conditions on interfaces and unions, `@skip` and
/// `@include`, field merging; abstract types resolved by `__typename`, `resolveType` or `isTypeOf`.
@Suite struct FragmentAndAbstractTypeTests {
    static let sdl = """
        interface Node { id: ID! }
        type Deal implements Node { id: ID!, title: String, amount: Float }
        type Contact implements Node { id: ID!, name: String, email: String }
        union Related = Deal | Contact
        type Query { nodes: [Node], related: [Related], node: Node }
        """

    static let values: [GraphQLValue] = [
        object(["__typename": "Deal", "id": "d1", "title": "Big", "amount": 10.5]),
        object(["__typename": "Contact", "id": "p1", "name": "Ada", "email": "ada@example.com"]),
        object(["__typename": "Deal", "id": "d2", "title": "Small", "amount": 1]),
    ]

    static func schema() throws -> GraphQLSchema {
        try makeSchema(sdl) { schema in
            schema.attach(.each { _, _ in .list(values) }, to: "Query", "nodes")
            schema.attach(.each { _, _ in .list(values) }, to: "Query", "related")
        }
    }

    @Test func fragmentsUnderAnInterfaceApplyOnlyToTheirType() async throws {
        let text = await run(try Self.schema(), """
            { nodes { __typename id ...on Deal { title } ...ContactName } }
            fragment ContactName on Contact { name }
            """)
        #expect(text == #"{"data":{"nodes":[{"__typename":"Deal","id":"d1","title":"Big"},{"__typename":"Contact","id":"p1","name":"Ada"},{"__typename":"Deal","id":"d2","title":"Small"}]}}"#)
    }

    @Test func fragmentsOnAUnionMayConditionOnInterfacesAndObjects() async throws {
        let text = await run(try Self.schema(), """
            { related { ... on Node { id } ... on Contact { email } ... on Deal { amount } } }
            """)
        #expect(text == #"{"data":{"related":[{"id":"d1","amount":10.5},{"id":"p1","email":"ada@example.com"},{"id":"d2","amount":1}]}}"#)
    }

    @Test func mergedFieldsKeepFirstPositionAndUnionTheirSelections() async throws {
        let schema = try makeSchema("type Query { deal: Deal } type Deal { id: ID, title: String, contact: Contact } type Contact { name: String, email: String }") { schema in
            schema.attach(.each { _, _ in object(["id": "d1", "title": "T", "contact": object(["name": "Ada", "email": "a@x"])]) }, to: "Query", "deal")
        }
        let text = await run(schema, "{ deal { contact { name } id ...F } } fragment F on Deal { title contact { email } }")
        #expect(text == #"{"data":{"deal":{"contact":{"name":"Ada","email":"a@x"},"id":"d1","title":"T"}}}"#)
    }

    @Test func aliasesRenameFieldsAndTypename() async throws {
        let text = await run(try Self.schema(), "{ first: nodes { key: id kind: __typename } t: __typename }")
        #expect(text == #"{"data":{"first":[{"key":"d1","kind":"Deal"},{"key":"p1","kind":"Contact"},{"key":"d2","kind":"Deal"}],"t":"Query"}}"#)
    }

    @Test func skipAndIncludeFollowLiteralsAndVariables() async throws {
        let schema = try Self.schema()
        let query = """
            query($withTitle: Boolean!, $skipId: Boolean = false) {
              nodes { id @skip(if: $skipId) ... on Deal @include(if: $withTitle) { title } __typename @skip(if: true) }
            }
            """
        #expect(await run(schema, query, variables: ["withTitle": true]) == #"{"data":{"nodes":[{"id":"d1","title":"Big"},{"id":"p1"},{"id":"d2","title":"Small"}]}}"#)
        #expect(await run(schema, query, variables: ["withTitle": false, "skipId": true]) == #"{"data":{"nodes":[{},{},{}]}}"#)
    }

    @Test func resolveTypeAndIsTypeOfChooseTheConcreteType() async throws {
        let schema = try makeSchema(Self.sdl) { schema in
            schema.attach(.each { _, _ in .list([object(["id": "d9"]), object(["id": "p9"])]) }, to: "Query", "nodes")
            schema.attach(resolveType: { value, _ in value["id"]?.stringValue?.hasPrefix("d") == true ? "Deal" : "Contact" }, to: "Node")
            schema.attach(.each { _, _ in .list([object(["id": "p3", "name": "Bo"])]) }, to: "Query", "related")
            schema.attach(isTypeOf: { value, _ in value["name"] != nil }, to: "Contact")
            schema.attach(isTypeOf: { value, _ in value["title"] != nil }, to: "Deal")
        }
        #expect(await run(schema, "{ nodes { __typename id } }") == #"{"data":{"nodes":[{"__typename":"Deal","id":"d9"},{"__typename":"Contact","id":"p9"}]}}"#)
        #expect(await run(schema, "{ related { ... on Contact { name } } }") == #"{"data":{"related":[{"name":"Bo"}]}}"#)
    }

    @Test func unresolvableAbstractTypeIsAFieldError() async throws {
        let schema = try makeSchema(Self.sdl) { schema in
            schema.attach(.each { _, _ in object(["id": "x"]) }, to: "Query", "node")
            schema.attach(.each { _, _ in .list([object(["__typename": "Query"]), object(["__typename": "Nope"])]) }, to: "Query", "nodes")
        }
        #expect(await run(schema, "{ node { id } }") == #"{"data":{"node":null},"errors":[{"message":"Abstract type \"Node\" must resolve to an Object type at runtime for field \"Query.node\". Either the \"Node\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.","locations":[{"line":1,"column":3}],"path":["node"]}]}"#)
        let text = await run(schema, "{ nodes { id } }")
        #expect(text.contains(#"Runtime Object type \"Query\" is not a possible type for \"Node\"."#))
        #expect(text.contains(#"Abstract type \"Node\" was resolved to a type \"Nope\" that does not exist inside the schema."#))
        #expect(text.hasPrefix(#"{"data":{"nodes":[null,null]}"#))
    }

    @Test func objectTypeIsTypeOfRejectsForeignValues() async throws {
        let schema = try makeSchema("type Query { deal: Deal } type Deal { id: ID }") { schema in
            schema.attach(.each { _, _ in object(["kind": "contact"]) }, to: "Query", "deal")
            schema.attach(isTypeOf: { value, _ in value["kind"] == "deal" }, to: "Deal")
        }
        #expect(await run(schema, "{ deal { id } }") == #"{"data":{"deal":null},"errors":[{"message":"Expected value of type \"Deal\" but got: { kind: \"contact\" }.","locations":[{"line":1,"column":3}],"path":["deal"]}]}"#)
    }
}
