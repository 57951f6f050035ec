import Testing
@testable import GraphQLEngine

/// Directives applied in SDL stay on the schema elements (`appliedDirectives`, `astNode`) for
/// tools to read, and are checked when the schema is built (spec 3.13, graphql-js's SDL rules).
@Suite struct AppliedDirectivesTests {
    static let sdl = """
        directive @key(fields: String!) repeatable on OBJECT | INTERFACE
        directive @tag(name: String!, weight: Int = 1) repeatable on SCHEMA | SCALAR | OBJECT | FIELD_DEFINITION | ARGUMENT_DEFINITION | UNION | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
        schema @tag(name: "schema") { query: Query }
        extend schema @tag(name: "schema extension")
        scalar Money @tag(name: "scalar") @specifiedBy(url: "https://example.com/money")
        type Query @key(fields: "id") @tag(name: "type") {
          id: ID!
          deal(id: ID! @tag(name: "argument", weight: 3)): Deal @tag(name: "field") @deprecated(reason: "x")
        }
        extend type Query @key(fields: "slug")
        type Deal { stage: Stage amount: Money }
        union Result @tag(name: "union") = Deal
        enum Stage @tag(name: "enum") { LEAD @tag(name: "value") WON }
        input Filter @tag(name: "input") { stage: Stage @tag(name: "input field") }
        """

    let schema: GraphQLSchema

    init() throws {
        schema = try buildSchema(sdl: Self.sdl)
    }

    /// The `name` of each `@tag` in `directives`.
    func tags(_ directives: [DirectiveNode]) -> [String] {
        directives.filter { $0.name.value == "tag" }.compactMap {
            if case .string(let name)? = $0.argument(named: "name") { return name.value }
            return nil
        }
    }

    @Test func everyElementKeepsItsDirectives() throws {
        #expect(tags(schema.appliedDirectives) == ["schema", "schema extension"])
        let query = try #require(schema.queryType)
        #expect(query.appliedDirectives.map(\.name.value) == ["key", "tag", "key"])
        #expect(tags(query.appliedDirectives) == ["type"])
        let deal = try #require(query.field(named: "deal"))
        #expect(deal.appliedDirectives.map(\.name.value) == ["tag", "deprecated"])
        #expect(deal.deprecationReason == "x")
        #expect(tags(deal.argument(named: "id")?.appliedDirectives ?? []) == ["argument"])
        #expect(tags(schema.type(named: "Money")?.appliedDirectives ?? []) == ["scalar"])
        #expect(tags(schema.type(named: "Result")?.appliedDirectives ?? []) == ["union"])
        guard case .enum(let stage)? = schema.type(named: "Stage") else { Issue.record("Stage"); return }
        #expect(tags(stage.appliedDirectives) == ["enum"])
        #expect(tags(stage.value(named: "LEAD")?.appliedDirectives ?? []) == ["value"])
        #expect(stage.value(named: "WON")?.appliedDirectives.isEmpty == true)
        guard case .inputObject(let filter)? = schema.type(named: "Filter") else { Issue.record("Filter"); return }
        #expect(tags(filter.appliedDirectives) == ["input"])
        #expect(tags(filter.field(named: "stage")?.appliedDirectives ?? []) == ["input field"])
    }

    @Test func definitionsAndExtensionsKeepTheirNodes() throws {
        let query = try #require(schema.queryType)
        #expect(query.astNode?.node.name.value == "Query")
        #expect(query.astNode?.location == SourceLocation(line: 6, column: 1))
        #expect(query.extensionASTNodes.map(\.location) == [SourceLocation(line: 10, column: 1)])
        #expect(query.field(named: "id")?.astNode?.location == SourceLocation(line: 7, column: 3))
        #expect(schema.astNode?.location == SourceLocation(line: 3, column: 1))
        #expect(schema.extensionASTNodes.count == 1)
        #expect(schema.directive(named: "key")?.astNode?.location == SourceLocation(line: 1, column: 1))
        #expect(schema.directive(named: "skip")?.astNode == nil)
        #expect(ScalarType.string.astNode == nil)
    }

    @Test func argumentValuesAreCoercedWithDefaults() throws {
        let query = try #require(schema.queryType)
        let keys = schema.directiveValues("key", in: query.appliedDirectives)
        #expect(keys.map { $0["fields"] } == ["id", "slug"])
        let argument = try #require(query.field(named: "deal")?.argument(named: "id"))
        let tag = try #require(schema.directiveValues("tag", in: argument.appliedDirectives).first)
        #expect(tag["name"] == "argument")
        #expect(tag["weight"] == 3)
        let type = try #require(schema.directiveValues("tag", in: query.appliedDirectives).first)
        #expect(type["weight"] == 1)
        #expect(schema.directiveValues("unknown", in: query.appliedDirectives).isEmpty)
    }

    /// graphql-js's printSchema prints only `@deprecated`, `@specifiedBy` and `@oneOf`.
    @Test func printingLeavesCustomDirectivesOut() {
        let printed = printSchema(schema)
        #expect(printed.contains("directive @key(fields: String!) repeatable on OBJECT | INTERFACE"))
        #expect(!printed.contains(#"@key(fields: "id")"#))
        #expect(!printed.contains(#"@tag(name: ""#))
        #expect(printed.contains(#"scalar Money @specifiedBy(url: "https://example.com/money")"#))
        #expect(printed.contains(#"deal(id: ID!): Deal @deprecated(reason: "x")"#))
        #expect(printed.contains("type Query {\n  id: ID!\n"))
    }

    /// The SDL rules apply to every location a directive can stand at.
    @Test func misusedDirectivesAreReportedAtEveryLocation() {
        let sdl = """
            directive @obj on OBJECT
            directive @once on FIELD_DEFINITION | ENUM_VALUE
            schema @obj { query: Query }
            type Query { a(x: Int @obj): Int @once @once }
            enum E { V @once @once @unknown }
            input I { f: Int @obj }
            scalar S @obj
            union U @obj = Query
            extend union U @once
            directive @d(x: Int @obj) on FIELD
            """
        let error = #expect(throws: SchemaError.self) { try buildSchema(sdl: sdl, validate: false) }
        #expect(error?.errors.map(\.description) == [
            #"Directive "@obj" may not be used on SCHEMA. (3:8)"#,
            #"The directive "@once" can only be used once at this location. (4:34, 4:40)"#,
            #"Directive "@obj" may not be used on ARGUMENT_DEFINITION. (4:23)"#,
            #"The directive "@once" can only be used once at this location. (5:12, 5:18)"#,
            #"Unknown directive "@unknown". (5:24)"#,
            #"Directive "@obj" may not be used on INPUT_FIELD_DEFINITION. (6:18)"#,
            #"Directive "@obj" may not be used on SCALAR. (7:10)"#,
            #"Directive "@obj" may not be used on UNION. (8:9)"#,
            #"Directive "@once" may not be used on UNION. (9:16)"#,
            #"Directive "@obj" may not be used on ARGUMENT_DEFINITION. (10:21)"#,
        ])
    }

    @Test func argumentsOfAppliedDirectivesAreTyped() {
        let sdl = """
            directive @limit(max: Int!, unit: Unit = SECONDS, where: Range) on FIELD_DEFINITION
            enum Unit { SECONDS MINUTES }
            input Range { from: Int! }
            type Query {
              a: Int @limit(max: 1.5)
              b: Int @limit(max: 1, unit: HOURS)
              c: Int @limit(max: 1, where: {})
              d: Int @limit(max: null)
              e: Int @limit(max: 1, where: { from: 2 }, unit: MINUTES)
            }
            """
        let error = #expect(throws: SchemaError.self) { try buildSchema(sdl: sdl) }
        #expect(error?.errors.map(\.description) == [
            #"Argument "@limit(max:)" has invalid value: Expected value of type "Int!", found 1.5. (5:22)"#,
            #"Argument "@limit(unit:)" has invalid value: Expected value of type "Unit", found HOURS. (6:31)"#,
            #"Argument "@limit(where:)" has invalid value: Expected value of type "Range", found {}. (7:32)"#,
            #"Argument "@limit(max:)" has invalid value: Expected value of type "Int!", found null. (8:22)"#,
        ])
    }
}
