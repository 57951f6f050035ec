import Testing
@testable import GraphQLEngine

@Suite struct SchemaBuilderTests {
    let schema: GraphQLSchema

    init() throws {
        schema = try buildSchema(sdl: KitchenSinkSchema.sdl)
    }

    func object(_ name: String) throws -> ObjectType {
        guard case .object(let object)? = schema.type(named: name) else { throw SchemaError([GraphQLError("no object \(name)")]) }
        return object
    }

    func input(_ name: String) throws -> InputObjectType {
        guard case .inputObject(let input)? = schema.type(named: name) else { throw SchemaError([GraphQLError("no input \(name)")]) }
        return input
    }

    @Test func rootsComeFromTheSchemaDefinitionAndItsExtension() {
        #expect(schema.queryType?.name == "Root")
        #expect(schema.mutationType?.name == "Mutations")
        #expect(schema.subscriptionType?.name == "Events")
        #expect(schema.description == "The CRM schema that exercises every construct.")
    }

    @Test func rootsAreFoundByNameOnlyWithoutASchemaDefinition() throws {
        let implicit = try buildSchema(sdl: "type Query { a: Int } type Mutation { b: Int } type Subscription { c: Int }")
        #expect(implicit.queryType?.name == "Query")
        #expect(implicit.mutationType?.name == "Mutation")
        #expect(implicit.subscriptionType?.name == "Subscription")
        let explicit = try buildSchema(sdl: "schema { query: Query } type Query { a: Int } type Mutation { b: Int }")
        #expect(explicit.mutationType == nil)
    }

    @Test func typesKeepDocumentOrderThenBuiltIns() {
        let names = schema.types.map(\.name)
        let documentTypes = names.filter { schema.type(named: $0).map { !$0.isBuiltIn } ?? false }
        #expect(documentTypes == [
            "DateTime", "Cursor", "Node", "Entity", "Deal", "Contact", "Company", "SearchResult", "Stage", "Currency",
            "Scope", "ContactWhere", "StringFilter", "Root", "Mutations", "DealInput", "Events",
        ])
        for name in ["__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive",
                     "__DirectiveLocation", "String", "Boolean", "ID", "Int", "Float"] {
            #expect(schema.type(named: name) != nil, "\(name)")
        }
    }

    @Test func interfacesAndExtensionsMerge() throws {
        let deal = try object("Deal")
        #expect(deal.interfaces.map(\.name) == ["Entity", "Node"])
        guard case .interface(let entity)? = schema.type(named: "Entity") else { Issue.record("Entity"); return }
        #expect(entity.interfaces.map(\.name) == ["Node"])
        #expect(try object("Company").fields.map(\.name) == ["id", "name"])
        guard case .union(let search)? = schema.type(named: "SearchResult") else { Issue.record("union"); return }
        #expect(search.members.map(\.name) == ["Deal", "Contact", "Company"])
        guard case .enum(let currency)? = schema.type(named: "Currency") else { Issue.record("enum"); return }
        #expect(currency.values.map(\.name) == ["USD", "EUR", "GBP"])
        #expect(try input("DealInput").fields.last?.name == "notes")
        #expect(schema.possibleTypes(of: .interface(entity)).map(\.name) == ["Deal"])
    }

    @Test func deprecationsAreReadOnFieldsArgumentsInputFieldsAndEnumValues() throws {
        let deal = try object("Deal")
        #expect(deal.field(named: "title")?.deprecationReason == "Use `name`.")
        #expect(deal.field(named: "stage")?.deprecationReason == "No longer supported")
        #expect(deal.field(named: "name")?.isDeprecated == false)
        #expect(deal.field(named: "amount")?.argument(named: "round")?.deprecationReason == "No longer supported")
        #expect(try input("ContactWhere").field(named: "minimumAge")?.deprecationReason == "gone")
        guard case .enum(let stage)? = schema.type(named: "Stage") else { Issue.record("Stage"); return }
        #expect(stage.value(named: "QUALIFIED")?.deprecationReason == "Merged into LEAD")
        #expect(stage.value(named: "LEAD")?.description == "First contact")
    }

    @Test func scalarsOneOfInputsAndDirectivesKeepTheirDefinitions() throws {
        guard case .scalar(let dateTime)? = schema.type(named: "DateTime") else { Issue.record("DateTime"); return }
        #expect(dateTime.specifiedByURL == "https://tools.ietf.org/html/rfc3339")
        #expect(dateTime.builtIn == nil)
        #expect(try input("StringFilter").isOneOf)
        #expect(try !input("DealInput").isOneOf)
        let custom = try #require(schema.directive(named: "custom"))
        #expect(custom.isRepeatable)
        #expect(custom.locations.count == 11)
        #expect(custom.argument(named: "reason")?.description == "Why it is there")
        #expect(custom.argument(named: "tags")?.defaultValue == ["a", "b"])
        #expect(schema.directives.map(\.name) == ["custom", "cached", "include", "skip", "deprecated", "specifiedBy", "oneOf"])
    }

    @Test func defaultValuesAreCoerced() throws {
        let deals = try #require(schema.queryType?.field(named: "deals"))
        #expect(deals.argument(named: "stage")?.defaultValue == "LEAD")
        #expect(deals.argument(named: "score")?.defaultValue == .float(1.5))
        #expect(deals.argument(named: "id")?.defaultValue == "123")
        #expect(deals.argument(named: "after")?.defaultValue == "c1")
        // Input object defaults get the defaults of fields left out (graphql-js valueFromAST).
        let contacts = try #require(try object("Deal").field(named: "contacts"))
        let whereDefault = try #require(contacts.argument(named: "where")?.defaultValue)
        #expect(whereDefault["minimumAge"] == 18)
        #expect(whereDefault["tags"] == ["vip"])
        #expect(whereDefault["name"]?["equalTo"] == "x")
        // A single value for a list type is a list of one.
        let single = try buildSchema(sdl: "type Query { a(x: [Int] = 1): Int }")
        #expect(single.queryType?.field(named: "a")?.argument(named: "x")?.defaultValue == [1])
        let nullDefault = try buildSchema(sdl: "type Query { a(x: Int = null): Int }")
        #expect(nullDefault.queryType?.field(named: "a")?.argument(named: "x")?.defaultValue == .null)
    }

    @Test func standardScalarDefinitionsDenoteTheBuiltIns() throws {
        let built = try buildSchema(sdl: "scalar String\nscalar ID\ntype Query { a: String b: ID }")
        guard case .scalar(let string)? = built.type(named: "String") else { Issue.record("String"); return }
        #expect(string === ScalarType.string)
        #expect(printSchema(built) == "type Query {\n  a: String\n  b: ID\n}")
    }

    @Test func theSDLInitializerBuildsTheSchema() throws {
        let schema = try GraphQLSchema(sdl: "type Query { deals: [String!]! }")
        #expect(schema.queryType?.field(named: "deals")?.type.description == "[String!]!")
    }

    @Test func resolversAttachAfterBuilding() throws {
        let schema = try buildSchema(sdl: "type Query { greeting: String }")
        let attached = schema.queryType?.attach(.each { _, _ in "hello" }, to: "greeting")
        #expect(attached == true)
        #expect(schema.queryType?.field(named: "greeting")?.resolver != nil)
    }
}
