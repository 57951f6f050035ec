import Testing
@testable import GraphQLEngine

/// The breadth-first contract: one resolver call per field and level with every parent.
@Suite struct BatchingTests {
    /// `deals -> contact -> company`, where contact and company are batch resolvers that log
    /// each call with the keys they received.
    static func schema(log: CallLog) throws -> GraphQLSchema {
        try makeSchema("""
            type Query { deals(n: Int!): [Deal!]! }
            type Deal { id: ID!, contactId: ID, contact: Contact, owner: User }
            type Contact { id: ID!, company: Company }
            type Company { id: ID!, name: String }
            type User { id: ID! }
            """) { schema in
            schema.attach(.each { _, batch in
                let n = batch.arguments["n"]?.intValue ?? 0
                return .list((0..<n).map { i in object(["id": .string("d\(i)"), "contactId": .string("p\(i % 3)")]) })
            }, to: "Query", "deals")
            schema.attach(.batch { batch in
                let ids = batch.parents.map { $0["contactId"]?.stringValue ?? "?" }
                log.append("contact:" + ids.joined(separator: ","))
                return ids.map { .success(object(["id": .string($0), "companyId": .string("c-\($0)")])) }
            }, to: "Deal", "contact")
            schema.attach(.batch { batch in
                log.append("owner:\(batch.parents.count)")
                try await Task.sleep(for: .milliseconds(5))
                return batch.parents.indices.map { i in i == 1 ? .failure(TestFailure("no owner")) : .success(object(["id": "u"])) }
            }, to: "Deal", "owner")
            schema.attach(.batch { batch in
                log.append("company:\(batch.parents.count)")
                return batch.parents.map { .success(object(["id": $0["companyId"] ?? .null, "name": "Acme"])) }
            }, to: "Contact", "company")
        }
    }

    @Test(arguments: [5, 50, 500])
    func oneCallPerLevelWhateverThePageSize(n: Int) async throws {
        let log = CallLog()
        let response = await graphql(schema: try Self.schema(log: log), source: "query($n: Int!) { deals(n: $n) { id contact { id company { name } } } }",
                                     variables: ["n": .int(n)])
        #expect(response.errors.isEmpty)
        #expect(log.all.count == 2)
        #expect(log.all[0] == "contact:" + (0..<n).map { "p\($0 % 3)" }.joined(separator: ","))
        #expect(log.all[1] == "company:\(n)")
    }

    @Test func aFailedParentNullsOnlyItsOwnFieldAndEachFieldBatchesOnce() async throws {
        let log = CallLog()
        let text = await run(try Self.schema(log: log), "{ deals(n: 3) { owner { id } contact { id } } }")
        #expect(text == #"{"data":{"deals":[{"owner":{"id":"u"},"contact":{"id":"p0"}},{"owner":null,"contact":{"id":"p1"}},{"owner":{"id":"u"},"contact":{"id":"p2"}}]},"errors":[{"message":"no owner","locations":[{"line":1,"column":17}],"path":["deals",1,"owner"]}]}"#)
        #expect(Set(log.all) == ["owner:3", "contact:p0,p1,p2"])
    }

    @Test func wrongResultCountFailsEveryParent() async throws {
        let schema = try makeSchema("type Query { items: [Item] } type Item { name: String }") { schema in
            schema.attach(.each { _, _ in [object([:]), object([:])] }, to: "Query", "items")
            schema.attach(.batch { _ in [.success("only one")] }, to: "Item", "name")
        }
        let response = await graphql(schema: schema, source: "{ items { name } }")
        #expect(response.text.hasPrefix(#"{"data":{"items":[{"name":null},{"name":null}]}"#))
        #expect(response.errors.map(\.message) == Array(repeating: "Resolver of Item.name returned 1 results for 2 parents.", count: 2))
    }

    @Test func lookAheadSeesTheSelection() async throws {
        let seen = CallLog()
        let schema = try makeSchema("type Query { page: Page } type Page { count: Int, items: [String] }") { schema in
            schema.attach(.batch { batch in
                guard case .object(let pageType) = batch.field.type.namedType else { return [] }
                seen.append(batch.plan.selection(on: pageType).map(\.responseKey).joined(separator: ","))
                return [.success(object(["count": 2, "items": ["a", "b"]]))]
            }, to: "Query", "page")
        }
        _ = await run(schema, "{ page { n: count items } }")
        #expect(seen.all == ["n,items"])
    }

    @Test func applicationErrorsConvertToGraphQLErrorsWithExtensions() async throws {
        struct Forbidden: GraphQLErrorConvertible {
            var graphQLError: GraphQLError { GraphQLError("Permission denied", extensions: [ErrorExtension("code", .int(119))]) }
        }
        let schema = try makeSchema("type Query { secret: String }") { schema in
            schema.attach(.batch { _ in throw Forbidden() }, to: "Query", "secret")
        }
        #expect(await run(schema, "{ secret }") == #"{"data":{"secret":null},"errors":[{"message":"Permission denied","locations":[{"line":1,"column":3}],"path":["secret"],"extensions":{"code":119}}]}"#)
    }
}
