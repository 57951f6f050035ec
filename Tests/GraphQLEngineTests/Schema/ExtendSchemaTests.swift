import DealGraphTesting
import Testing
@testable import GraphQLEngine

/// `extendSchema`: graphql-js's extendSchema on a built schema, the result executed, the base
/// left as it was, and graphql-js's errors for extensions that do not fit the schema.
@Suite struct ExtendSchemaTests {
    static let baseSDL = """
        "The CRM"
        schema { query: Query }
        type Query { greeting: String deal: Deal search: [Result] }
        interface Node { id: ID! }
        type Deal implements Node { id: ID! stage: Stage }
        enum Stage { LEAD WON }
        union Result = Deal
        input DealFilter { stage: Stage }
        scalar Money
        directive @tag(name: String) on OBJECT | FIELD_DEFINITION
        """

    static let extensionSDL = """
        extend type Query { farewell(name: String = "you"): String contact: Contact }
        type Contact implements Node @tag(name: "new") { id: ID! name: String }
        extend type Deal @tag(name: "extended") { amount: Money @tag(name: "money") }
        extend enum Stage { LOST }
        extend union Result = Contact
        extend input DealFilter { minimum: Money, stages: [Stage!] = [LEAD] }
        extend scalar Money @specifiedBy(url: "https://example.com/money")
        extend schema { mutation: Mutation }
        type Mutation { close(id: ID!): Deal }
        directive @audit repeatable on FIELD_DEFINITION
        """

    func makeBase() throws -> GraphQLSchema {
        try makeSchema(Self.baseSDL) { schema in
            schema.attach(.each { _, _ in "hello" }, to: "Query", "greeting")
            schema.attach(resolveType: { _, _ in "Deal" }, to: "Node")
        }
    }

    func object(_ schema: GraphQLSchema, _ name: String) throws -> ObjectType {
        guard case .object(let object)? = schema.type(named: name) else { throw SchemaError([GraphQLError("no object \(name)")]) }
        return object
    }

    @Test func addsTypesAndExtendsExistingOnes() throws {
        let extended = try extendSchema(try makeBase(), sdl: Self.extensionSDL)
        #expect(try object(extended, "Query").fields.map(\.name) == ["greeting", "deal", "search", "farewell", "contact"])
        #expect(try object(extended, "Deal").fields.map(\.name) == ["id", "stage", "amount"])
        #expect(try object(extended, "Contact").interfaces.map(\.name) == ["Node"])
        guard case .enum(let stage)? = extended.type(named: "Stage"),
              case .union(let result)? = extended.type(named: "Result"),
              case .inputObject(let filter)? = extended.type(named: "DealFilter"),
              case .scalar(let money)? = extended.type(named: "Money"),
              case .interface(let node)? = extended.type(named: "Node")
        else { Issue.record("kinds"); return }
        #expect(stage.values.map(\.name) == ["LEAD", "WON", "LOST"])
        #expect(result.members.map(\.name) == ["Deal", "Contact"])
        #expect(filter.fields.map(\.name) == ["stage", "minimum", "stages"])
        #expect(filter.field(named: "stages")?.defaultValue == ["LEAD"])
        #expect(money.specifiedByURL == "https://example.com/money")
        #expect(extended.mutationType?.name == "Mutation")
        #expect(extended.possibleTypes(of: .interface(node)).map(\.name) == ["Deal", "Contact"])
        #expect(extended.directives.map(\.name) == ["tag", "include", "skip", "deprecated", "specifiedBy", "oneOf", "audit"])
        #expect(extended.description == "The CRM")
    }

    @Test func printsAsGraphQLCoreExtendsAndPrints() throws {
        let extended = try extendSchema(try makeBase(), sdl: Self.extensionSDL)
        #expect(printSchema(extended) == (try GraphQLCore.extendAndPrint(base: Self.baseSDL, extension: Self.extensionSDL)))
    }

    /// Every type that refers to an extended one refers to the copy, in the new schema only.
    @Test func referencesLeadToTheCopiesAndTheBaseStaysAsItWas() throws {
        let base = try makeBase()
        let printedBefore = printSchema(base)
        let extended = try extendSchema(base, sdl: Self.extensionSDL)
        let deal = try object(extended, "Deal")
        #expect(extended.field("Query", "deal")?.type.namedType == .object(deal))
        #expect(extended.field("Mutation", "close")?.type.namedType == .object(deal))
        let baseDeal = try object(base, "Deal")
        #expect(deal !== baseDeal)
        #expect(printSchema(base) == printedBefore)
        #expect(base.type(named: "Contact") == nil)
        #expect(baseDeal.fields.map(\.name) == ["id", "stage"])
        #expect(extended.types.map(\.name) == base.types.map(\.name) + ["Contact", "Mutation"])
        // Built-in types stay the same definitions.
        #expect(extended.type(named: "String") == base.type(named: "String"))
        #expect(extended.type(named: "__Schema") == base.type(named: "__Schema"))
    }

    @Test func syntaxAndDirectivesOfBothDocumentsAreKept() throws {
        let extended = try extendSchema(try makeBase(), sdl: Self.extensionSDL)
        let deal = try object(extended, "Deal")
        #expect(deal.astNode?.location == SourceLocation(line: 5, column: 1))
        #expect(deal.extensionASTNodes.map(\.location) == [SourceLocation(line: 3, column: 1)])
        #expect(deal.extensionASTNodes.first?.source.body == Self.extensionSDL)
        #expect(deal.appliedDirectives.map(\.name.value) == ["tag"])
        #expect(deal.field(named: "amount")?.appliedDirectives.map(\.name.value) == ["tag"])
        // The schema definition starts at its description.
        #expect(extended.astNode?.location == SourceLocation(line: 1, column: 1))
        #expect(extended.extensionASTNodes.map(\.location) == [SourceLocation(line: 8, column: 1)])
    }

    @Test func executesTheNewFieldsWithTheOldResolvers() async throws {
        let base = try makeBase()
        let extended = try extendSchema(base, sdl: Self.extensionSDL)
        extended.attach(.each { _, batch in
            guard case .string(let name)? = batch.arguments["name"] else { return .null }
            return .string("bye, \(name)")
        }, to: "Query", "farewell")
        #expect(await run(extended, "{ greeting farewell other: farewell(name: \"Ann\") }")
            == #"{"data":{"greeting":"hello","farewell":"bye, you","other":"bye, Ann"}}"#)
        #expect(extended.field("Query", "greeting")?.resolver != nil)
        let attached = extended.attach(resolveType: { _, _ in "Deal" }, to: "Result")
        #expect(attached)
        guard case .interface(let node)? = extended.type(named: "Node") else { Issue.record("Node"); return }
        #expect(node.resolveType != nil)
        // The base schema knows nothing of the new field.
        #expect(await run(base, "{ farewell }").contains(#"Cannot query field \"farewell\" on type \"Query\"."#))
    }

    @Test func extendsAgainAndExtendsSchemasMadeInCode() throws {
        let once = try extendSchema(try makeBase(), sdl: "extend type Query { a: Int }")
        let twice = try extendSchema(once, sdl: "extend type Query { b: Int }")
        #expect(try object(twice, "Query").fields.map(\.name).suffix(2) == ["a", "b"])
        #expect(try object(twice, "Query").extensionASTNodes.count == 2)

        let query = ObjectType("Query", fields: [FieldDefinition("hello", type: .scalar(.string), resolver: .each { _, _ in "hi" })])
        let coded = try extendSchema(try GraphQLSchema(query: query), sdl: "extend type Query { count: Int }")
        #expect(try object(coded, "Query").fields.map(\.name) == ["hello", "count"])
        #expect(try object(coded, "Query").astNode == nil)
        #expect(coded.field("Query", "hello")?.resolver != nil)
    }

    /// graphql-js adds no roots by their default names when extending.
    @Test func defaultRootNamesApplyOnlyWhenBuilding() throws {
        let extended = try extendSchema(try buildSchema(sdl: "type Query { a: Int }"), sdl: "type Mutation { b: Int }")
        #expect(extended.mutationType == nil)
        #expect(extended.type(named: "Mutation") != nil)
    }

    /// The errors of extending the base schema with `sdl`, each as "message (line:column, ...)".
    func problems(_ sdl: String) throws -> [String] {
        let base = try makeBase()
        do {
            _ = try extendSchema(base, sdl: sdl)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func whatTheSchemaAlreadyHasCannotBeDefinedAgain() throws {
        #expect(try problems("type Deal { a: Int }") == [
            #"Type "Deal" already exists in the schema. It cannot also be defined in this type definition. (1:6)"#,
        ])
        #expect(try problems("scalar String") == [
            #"Type "String" already exists in the schema. It cannot also be defined in this type definition. (1:8)"#,
        ])
        #expect(try problems("extend type Query { deal: Deal, extra: Int, extra: Int }") == [
            #"Field "Query.deal" already exists in the schema. It cannot also be defined in this type extension. (1:21)"#,
            #"Field "Query.extra" can only be defined once. (1:33, 1:45)"#,
        ])
        #expect(try problems("extend enum Stage { WON }") == [
            #"Enum value "Stage.WON" already exists in the schema. It cannot also be defined in this type extension. (1:21)"#,
        ])
        #expect(try problems("extend input DealFilter { stage: Stage }") == [
            #"Field "DealFilter.stage" already exists in the schema. It cannot also be defined in this type extension. (1:27)"#,
        ])
        #expect(try problems("directive @tag on FIELD\ndirective @include on FIELD") == [
            #"Directive "@tag" already exists in the schema. It cannot be redefined. (1:12)"#,
            #"Directive "@include" already exists in the schema. It cannot be redefined. (2:12)"#,
        ])
        #expect(try problems("schema { mutation: Deal }") == ["Cannot define a new schema within a schema extension. (1:1)"])
        #expect(try problems("extend schema { query: Deal }") == [
            "Type for query already defined in the schema. It cannot be redefined. (1:17)",
        ])
    }

    @Test func extensionsMustFitTheSchemasTypes() throws {
        #expect(try problems("extend type Dael { a: Int }") == [
            #"Cannot extend type "Dael" because it is not defined. Did you mean "Deal"? (1:13)"#,
        ])
        #expect(try problems("extend interface Deal { a: Int }") == [#"Cannot extend non-interface type "Deal". (1:1)"#])
        #expect(try problems("extend type Query { a: Dael }") == [#"Unknown type "Dael". Did you mean "Deal"? (1:24)"#])
        #expect(try problems("extend type Query @tag(name: 1) @audit") == [
            #"Argument "@tag(name:)" has invalid value: Expected value of type "String", found 1. (1:30)"#,
            #"Unknown directive "@audit". (1:33)"#,
        ])
        #expect(try problems("extend type Deal implements Node") == ["Type Deal can only implement Node once. (5:22, 1:29)"])
        // Type-system validation runs on the result.
        #expect(try problems("extend type Deal implements Missing") == [#"Unknown type "Missing". (1:29)"#])
        #expect(try problems("interface Named { name: String }\nextend type Deal implements Named") == [
            "Interface field Named.name expected but Deal does not provide it. (1:19, 5:1, 2:1)",
        ])
    }
}
