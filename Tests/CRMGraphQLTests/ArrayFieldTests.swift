import APICore
import CRMStore
import DealGraphTesting
import Testing

@Suite("Array fields through GraphQL")
struct ArrayFieldTests {
    /// The bundled model with an Array field `tags` on Deal.
    static func modelWithTags() throws -> ClassModel {
        let bundled = try ClassModel.bundled()
        return try ClassModel(classes: bundled.classes.map { definition in
            guard definition.name == "Deal" else { return definition }
            return ClassDefinition(name: "Deal", fields: definition.fields + [FieldDefinition(name: "tags", type: .array)],
                                   unique: definition.unique, defaultACL: definition.defaultACL,
                                   permissions: definition.permissions)
        })
    }

    @Test("written as a list, read back as [ArrayResult] of Element values, filtered with contains and containedBy")
    func tags() async throws {
        try await TestGateway.run("api_array", configure: { $0.model = try Self.modelWithTags() }) { fixture in
            let alice = try await fixture.user("alice")
            let created = try await fixture.query("""
                mutation { createDeal(input: { fields: { title: "Tagged", tags: ["hot", 2, {k: "v"}] } }) {
                  deal { tags { __typename ... on Element { value } } } } }
                """, as: alice.caller)
            let tags = created["data"]["createDeal"]["deal"]["tags"].array
            #expect(tags.map { $0["__typename"].string } == ["Element", "Element", "Element"], "\(created)")
            #expect(tags.map { $0["value"] } == [.string("hot"), .number(2), .object(["k": .string("v")])])
            try await fixture.object("Deal", ["title": .string("Plain")], as: alice.access)

            func titles(_ where: String) async throws -> [String] {
                let json = try await fixture.query("{ deals(where: \(`where`), order: [title_ASC]) { edges { node { title } } } }",
                                                   as: alice.caller)
                #expect(json["errors"].isNull, "\(json)")
                return json["data"]["deals"]["edges"].array.compactMap { $0["node"]["title"].string }
            }
            #expect(try await titles(#"{ tags: { contains: ["hot"] } }"#) == ["Tagged"])
            #expect(try await titles(#"{ tags: { contains: ["hot", "cold"] } }"#) == [])
            #expect(try await titles(#"{ tags: { containedBy: ["hot", 2, {k: "v"}, "extra"] } }"#) == ["Tagged"])
            #expect(try await titles(#"{ tags: { containedBy: ["hot"] } }"#) == [])
            #expect(try await titles(#"{ tags: { exists: false } }"#) == ["Plain"])
            let refused = try await fixture.query(#"{ deals(where: { tags: { lessThan: 3 } }) { count } }"#, as: alice.caller)
            #expect(refused.firstErrorCode == 102)
        }
    }
}
