import DealGraphTesting
import Foundation
import Testing
@testable import GraphQLEngine

/// Introspection executed through the engine, read back as JSON.
@Suite struct IntrospectionTests {
    let schema: GraphQLSchema

    init() throws {
        schema = try buildSchema(sdl: KitchenSinkSchema.sdl)
    }

    /// The `data` of executing `query`, failing the test on errors.
    func data(_ query: String) async throws -> [String: Any] {
        let response = await graphql(schema: schema, source: query)
        #expect(response.errors.isEmpty, "\(response.errors)")
        let object = try JSONSerialization.jsonObject(with: Data(response.json)) as? [String: Any]
        return try #require(object?["data"] as? [String: Any])
    }

    @Test func standardQueryReadsBackInGraphQLCore() async throws {
        let response = await graphql(schema: schema, source: Introspection.query)
        #expect(response.errors.isEmpty)
        let clientSchema = try GraphQLCore.printClientSchema(introspectionJSON: response.text)
        #expect(clientSchema == printSchema(schema))
    }

    @Test func graphQLCoresOwnQueryReadsBackToo() async throws {
        let query = try GraphQLCore.introspectionQuery()
        let response = await graphql(schema: schema, source: query)
        #expect(response.errors.isEmpty)
        #expect(try GraphQLCore.printClientSchema(introspectionJSON: response.text) == printSchema(schema))
    }

    /// A schema made in code: enum values with internal values other than their names, defaults
    /// held as internal values, no mutation root.
    @Test func codeBuiltSchemaReadsBackInGraphQLCore() async throws {
        let priority = EnumType("Priority", values: [
            EnumValueDefinition("LOW", value: 1), EnumValueDefinition("HIGH", value: 9, deprecationReason: "Use LOW"),
        ])
        let filter = InputObjectType("Filter", description: "Narrows a list.", fields: [
            InputValueDefinition("priority", type: .enum(priority), defaultValue: 9),
            InputValueDefinition("ids", type: .list(.nonNull(.scalar(.id))), defaultValue: ["7", "x"]),
        ])
        let query = ObjectType("Query", fields: [
            FieldDefinition("count", type: .nonNull(.scalar(.int)), arguments: [
                InputValueDefinition("filter", type: .inputObject(filter), defaultValue: ["priority": 1, "ids": []]),
            ]),
        ])
        let schema = try GraphQLSchema(query: query)
        #expect(validateSchema(schema).isEmpty)
        let printed = printSchema(schema)
        #expect(printed.contains("count(filter: Filter = {priority: LOW, ids: []}): Int!"))
        #expect(printed.contains("ids: [ID!] = [7, \"x\"]"))
        let response = await graphql(schema: schema, source: Introspection.query)
        #expect(response.errors.isEmpty)
        #expect(try GraphQLCore.printClientSchema(introspectionJSON: response.text) == printed)
    }

    @Test func typenameAtTheRootNamesTheQueryType() async throws {
        let result = try await data("{ __typename }")
        #expect(result["__typename"] as? String == "Root")
    }

    @Test func typeFindsATypeByNameAndIsNullForUnknownNames() async throws {
        let result = try await data(#"{ deal: __type(name: "Deal") { kind name description } none: __type(name: "Nope") { name } }"#)
        let deal = try #require(result["deal"] as? [String: Any])
        #expect(deal["kind"] as? String == "OBJECT")
        #expect((deal["description"] as? String)?.hasPrefix("A deal in the pipeline.") == true)
        #expect(result["none"] is NSNull)
    }

    @Test func deprecatedElementsAreListedOnlyWhenAsked() async throws {
        let query = #"""
            {
              __type(name: "Deal") {
                current: fields { name }
                all: fields(includeDeprecated: true) { name isDeprecated deprecationReason }
              }
              stage: __type(name: "Stage") { enumValues { name } all: enumValues(includeDeprecated: true) { name } }
              where: __type(name: "ContactWhere") { inputFields { name } all: inputFields(includeDeprecated: true) { name } }
            }
            """#
        let result = try await data(query)
        let deal = try #require(result["__type"] as? [String: Any])
        let current = try #require(deal["current"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(current == ["id", "createdAt", "name", "amount", "contacts"])
        let all = try #require(deal["all"] as? [[String: Any]])
        #expect(all.count == 7)
        #expect(all[2]["deprecationReason"] as? String == "Use `name`.")
        #expect(all[2]["isDeprecated"] as? Bool == true)
        let stage = try #require(result["stage"] as? [String: Any])
        #expect((stage["enumValues"] as? [Any])?.count == 2)
        #expect((stage["all"] as? [Any])?.count == 4)
        let whereType = try #require(result["where"] as? [String: Any])
        #expect((whereType["inputFields"] as? [Any])?.count == 3)
        #expect((whereType["all"] as? [Any])?.count == 4)
    }

    @Test func wrappedTypesUnwrapThroughOfTypeAndDefaultsPrintAsLiterals() async throws {
        let query = #"""
            {
              __type(name: "Deal") {
                fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
                         args { name defaultValue } }
              }
            }
            """#
        let result = try await data(query)
        let fields = try #require((result["__type"] as? [String: Any])?["fields"] as? [[String: Any]])
        let contacts = try #require(fields.first { $0["name"] as? String == "contacts" })
        // [Contact!]!
        let type = try #require(contacts["type"] as? [String: Any])
        #expect(type["kind"] as? String == "NON_NULL")
        let list = try #require(type["ofType"] as? [String: Any])
        #expect(list["kind"] as? String == "LIST")
        let item = try #require(list["ofType"] as? [String: Any])
        #expect(item["kind"] as? String == "NON_NULL")
        #expect((item["ofType"] as? [String: Any])?["name"] as? String == "Contact")
        let arguments = try #require(contacts["args"] as? [[String: Any]])
        #expect(arguments.map { $0["defaultValue"] as? String } == [
            "10", #"{name: {equalTo: "x"}, tags: ["vip"], minimumAge: 18}"#,
        ])
    }

    @Test func schemaDirectivesScalarsAndAbstractTypesAreDescribed() async throws {
        let query = #"""
            {
              __schema { description queryType { name } subscriptionType { name } directives { name isRepeatable locations } }
              dateTime: __type(name: "DateTime") { specifiedByURL isOneOf }
              filter: __type(name: "StringFilter") { isOneOf specifiedByURL }
              search: __type(name: "SearchResult") { possibleTypes { name } interfaces { name } }
              node: __type(name: "Node") { possibleTypes { name } }
              entity: __type(name: "Entity") { interfaces { name } }
            }
            """#
        let result = try await data(query)
        let schemaInfo = try #require(result["__schema"] as? [String: Any])
        #expect(schemaInfo["description"] as? String == "The CRM schema that exercises every construct.")
        #expect((schemaInfo["queryType"] as? [String: Any])?["name"] as? String == "Root")
        #expect((schemaInfo["subscriptionType"] as? [String: Any])?["name"] as? String == "Events")
        let directives = try #require(schemaInfo["directives"] as? [[String: Any]])
        #expect(directives.compactMap { $0["name"] as? String } == ["custom", "cached", "include", "skip", "deprecated", "specifiedBy", "oneOf"])
        #expect(directives[0]["isRepeatable"] as? Bool == true)
        #expect(directives[1]["locations"] as? [String] == ["FIELD", "QUERY"])
        let dateTime = try #require(result["dateTime"] as? [String: Any])
        #expect(dateTime["specifiedByURL"] as? String == "https://tools.ietf.org/html/rfc3339")
        #expect(dateTime["isOneOf"] is NSNull)
        #expect((result["filter"] as? [String: Any])?["isOneOf"] as? Bool == true)
        let search = try #require(result["search"] as? [String: Any])
        #expect((search["possibleTypes"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Deal", "Contact", "Company"])
        #expect(search["interfaces"] is NSNull)
        let node = try #require(result["node"] as? [String: Any])
        #expect((node["possibleTypes"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Deal", "Contact", "Company"])
        let entity = try #require(result["entity"] as? [String: Any])
        #expect((entity["interfaces"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Node"])
    }

    @Test func introspectionTypesDescribeThemselves() async throws {
        let result = try await data(#"{ __type(name: "__Type") { kind fields { name } } }"#)
        let type = try #require(result["__type"] as? [String: Any])
        #expect((type["fields"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == [
            "kind", "name", "description", "specifiedByURL", "fields", "interfaces", "possibleTypes", "enumValues",
            "inputFields", "ofType", "isOneOf",
        ])
    }

    @Test func metaFieldsOnlyWhereTheyApply() async throws {
        let response = await graphql(schema: schema, source: #"{ search(text: "x") { __schema { description } } }"#)
        #expect(!response.errors.isEmpty)
        #expect(Introspection.metaField(named: "__schema", on: .object(try #require(schema.queryType)), in: schema) != nil)
        let deal = try #require(schema.type(named: "Deal"))
        #expect(Introspection.metaField(named: "__type", on: deal, in: schema) == nil)
        #expect(Introspection.metaField(named: "__typename", on: deal, in: schema) != nil)
    }
}
