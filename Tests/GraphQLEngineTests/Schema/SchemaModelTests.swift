import Testing
@testable import GraphQLEngine

@Suite struct SchemaModelTests {
    /// interface Node { id: ID! }  interface Named implements Node { id: ID! name: String }
    /// type Deal implements Node { ... }  type Contact implements Named & Node { ... }
    /// union Related = Deal | Contact
    static func makeSchema() throws -> GraphQLSchema {
        let node = InterfaceType("Node", fields: [FieldDefinition("id", type: .nonNull(.scalar(.id)))])
        let named = InterfaceType("Named", fields: [
            FieldDefinition("id", type: .nonNull(.scalar(.id))),
            FieldDefinition("name", type: .scalar(.string)),
        ], interfaces: [node])
        let deal = ObjectType("Deal", interfaces: [node])
        let contact = ObjectType("Contact", interfaces: [named, node])
        deal.define(fields: [
            FieldDefinition("id", type: .nonNull(.scalar(.id))),
            FieldDefinition("contact", type: .object(contact)),
        ])
        contact.define(fields: [
            FieldDefinition("id", type: .nonNull(.scalar(.id))),
            FieldDefinition("name", type: .scalar(.string)),
            FieldDefinition("deals", type: .list(.nonNull(.object(deal)))),
        ])
        let related = UnionType("Related", members: [deal, contact])
        let query = ObjectType("Query", fields: [
            FieldDefinition("node", type: .interface(node), arguments: [InputValueDefinition("id", type: .nonNull(.scalar(.id)))]),
            FieldDefinition("related", type: .list(.union(related))),
        ])
        return try GraphQLSchema(query: query, types: [.object(deal), .object(contact)])
    }

    @Test func collectsTypesInGraphQLJSOrder() throws {
        let schema = try Self.makeSchema()
        #expect(schema.types.map(\.name) == [
            "Deal", "Node", "ID", "Contact", "Named", "String", "Query", "Related", "Boolean",
            "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive",
            "__DirectiveLocation",
        ])
        #expect(schema.type(named: "Contact")?.field(named: "deals")?.type.description == "[Deal!]")
    }

    @Test func possibleTypesAndSubtypesFollowInterfacesAndUnions() throws {
        let schema = try Self.makeSchema()
        let node = try #require(schema.type(named: "Node"))
        let named = try #require(schema.type(named: "Named"))
        let related = try #require(schema.type(named: "Related"))
        let contact = try #require(schema.type(named: "Contact"))
        #expect(schema.possibleTypes(of: node).map(\.name) == ["Deal", "Contact"])
        #expect(schema.possibleTypes(of: related).map(\.name) == ["Deal", "Contact"])
        #expect(schema.isSubType(node, named))
        #expect(schema.isSubType(named, contact))
        #expect(!schema.isSubType(named, try #require(schema.type(named: "Deal"))))
        guard case .interface(let nodeType) = node else { Issue.record("Node is an interface"); return }
        #expect(schema.implementations(of: nodeType).interfaces.map(\.name) == ["Named"])
        let list = TypeReference.nonNull(.list(.nonNull(.named(contact))))
        #expect(list.isSubType(of: .list(.named(node)), in: schema))
        #expect(!TypeReference.list(.named(node)).isSubType(of: .list(.named(contact)), in: schema))
    }

    @Test func rejectsTwoTypesWithOneName() {
        let a = ObjectType("Thing", fields: [FieldDefinition("a", type: .scalar(.int))])
        let b = ObjectType("Thing", fields: [FieldDefinition("b", type: .scalar(.int))])
        let query = ObjectType("Query", fields: [
            FieldDefinition("a", type: .object(a)), FieldDefinition("b", type: .object(b)),
        ])
        #expect(throws: GraphQLError("Schema must contain uniquely named types but contains multiple types named \"Thing\".")) {
            try GraphQLSchema(query: query)
        }
    }

    @Test func fieldsKeepDefinitionOrder() {
        let names = ["zeta", "alpha", "mid", "beta"]
        let type = ObjectType("T", fields: names.map { FieldDefinition($0, type: .scalar(.string)) })
        #expect(type.fields.map(\.name) == names)
        #expect(type.field(named: "mid")?.name == "mid")
        #expect(type.field(named: "nope") == nil)
    }

    /// Objects and interfaces keep fields and interfaces the same way (``ImplementingType``).
    @Test func objectsAndInterfacesShareFieldStorage() {
        let node = InterfaceType("Node")
        node.define(fields: [FieldDefinition("id", type: .scalar(.id))])
        #expect(node.field(named: "id")?.type.description == "ID")
        let deal = ObjectType("Deal", fields: [FieldDefinition("id", type: .scalar(.id))], interfaces: [node])
        // Without interfaces, `define` keeps the ones the type has.
        deal.define(fields: deal.fields + [FieldDefinition("name", type: .scalar(.string))])
        #expect(deal.interfaces.map(\.name) == ["Node"])
        #expect(deal.fields.map(\.name) == ["id", "name"])
        #expect(deal.attach(.each { _, _ in "x" }, to: "name"))
        #expect(!deal.attach(.each { _, _ in "x" }, to: "missing"))
        #expect(deal.field(named: "name")?.resolver != nil)
        node.define(fields: [], interfaces: [])
        #expect(node.fields.isEmpty)
        // Of two fields with one name, lookup finds the first.
        let twice = ObjectType("Twice", fields: [FieldDefinition("a", type: .scalar(.int)), FieldDefinition("a", type: .scalar(.string))])
        #expect(twice.field(named: "a")?.type.description == "Int")
    }
}
