import Testing
@testable import GraphQLEngine

/// The problems a schema document can have besides type-system validation, with graphql-js's
/// messages (its `assertValidSDL` rules) and their locations.
@Suite struct SDLErrorTests {
    /// The errors of building `sdl`, each as "message (line:column, ...)".
    func problems(_ sdl: String) -> [String] {
        do {
            _ = try buildSchema(sdl: sdl, validate: false)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func syntaxErrorsKeepTheirLocation() {
        #expect(problems("type Query {") == [#"Syntax Error: Expected Name, found <EOF>. (1:13)"#])
    }

    @Test func unknownTypesAreReportedWhereTheyAreNamed() {
        #expect(problems("type Query { a: Nope, b(x: [Missing!]): Int }") == [
            #"Unknown type "Nope". (1:17)"#, #"Unknown type "Missing". (1:29)"#,
        ])
        #expect(problems("type Query implements Gone { a: Int }") == [#"Unknown type "Gone". (1:23)"#])
        #expect(problems("type Query { a: Int } union U = Nope") == [#"Unknown type "Nope". (1:33)"#])
        #expect(problems("schema { query: Q }") == [#"Unknown type "Q". (1:17)"#])
    }

    @Test func misspelledNamesAreReportedWithSuggestions() {
        #expect(problems("type Query { a: Strin, b: Dael, c: __Typ } type Deal { a: Int }") == [
            #"Unknown type "Strin". Did you mean "String"? (1:17)"#,
            #"Unknown type "Dael". Did you mean "Deal"? (1:27)"#,
            #"Unknown type "__Typ". Did you mean "__Type"? (1:36)"#,
        ])
        #expect(problems("type Query { a: Int } type Deal { a: Int } extend type Dael { b: Int }") == [
            #"Cannot extend type "Dael" because it is not defined. Did you mean "Deal"? (1:56)"#,
        ])
        #expect(problems("directive @d(alpha: Int, beta: Int) on FIELD_DEFINITION type Query { a: Int @d(alpah: 1) }") == [
            #"Unknown argument "alpah" on directive "@d". Did you mean "alpha"? (1:80)"#,
        ])
    }

    @Test func duplicateDefinitionsAreReportedAtEveryPlace() {
        #expect(problems("type Query { a: Int }\ntype Query { b: Int }") == [
            #"There can be only one type named "Query". (1:6, 2:6)"#,
        ])
        #expect(problems("type Query { a: Int a: String }") == [#"Field "Query.a" can only be defined once. (1:14, 1:21)"#])
        #expect(problems("type Query { a: Int }\nextend type Query { a: Int }") == [
            #"Field "Query.a" can only be defined once. (1:14, 2:21)"#,
        ])
        #expect(problems("type Query { a(x: Int, x: Int): Int }") == [
            #"Argument "Query.a(x:)" can only be defined once. (1:16, 1:24)"#,
        ])
        #expect(problems("type Query { a: Int } enum E { A B A }") == [#"Enum value "E.A" can only be defined once. (1:32, 1:36)"#])
        #expect(problems("type Query { a: Int } input I { f: Int f: Int }") == [#"Field "I.f" can only be defined once. (1:33, 1:40)"#])
        #expect(problems("type Query { a: Int } directive @d on FIELD directive @d on QUERY") == [
            #"There can be only one directive named "@d". (1:34, 1:56)"#,
        ])
        #expect(problems("type Query { a: Int } directive @d(x: Int, x: Int) on FIELD") == [
            #"Argument "@d(x:)" can only be defined once. (1:36, 1:44)"#,
        ])
    }

    @Test func extraSchemaDefinitionsOrRootsAndNonObjectRootsAreReported() {
        #expect(problems("schema { query: Query } schema { query: Query } type Query { a: Int }") == [
            "Must provide only one schema definition. (1:25)",
        ])
        #expect(problems("schema { query: Query query: Query } type Query { a: Int }") == [
            "There can be only one query type in schema. (1:10, 1:23)",
        ])
        #expect(problems("schema { query: Query } extend schema { query: Query } type Query { a: Int }") == [
            "There can be only one query type in schema. (1:10, 1:41)",
        ])
        #expect(problems("schema { query: I } interface I { a: Int }") == [
            "Query root type must be Object type, it cannot be I. (1:17)",
        ])
        #expect(problems("type Query { a: Int } input Mutation { a: Int }") == [
            "Mutation root type must be Object type if provided, it cannot be Mutation. (1:29)",
        ])
    }

    @Test func extensionsOfUnknownTypesOrOfAnotherKindAreReported() {
        #expect(problems("type Query { a: Int } extend type Foo { b: Int }") == [
            #"Cannot extend type "Foo" because it is not defined. (1:35)"#,
        ])
        #expect(problems("type Query { a: Int } extend interface Query { c: Int }") == [
            #"Cannot extend non-interface type "Query". (1:1, 1:23)"#,
        ])
        #expect(problems("type Query { a: Int } extend input Query { c: Int }") == [
            #"Cannot extend non-input object type "Query". (1:1, 1:23)"#,
        ])
        #expect(problems("type Query { a: String } extend scalar String @specifiedBy(url: \"x\")") == [
            #"Cannot extend type "String" because it is not defined. (1:40)"#,
        ])
    }

    @Test func misappliedDirectivesAreReported() {
        let sdl = """
            directive @d(a: Int!) on FIELD_DEFINITION
            type Query { a: Int @d b: Int @d(x: 1, a: 1) c: Int @d(a: 1) @d(a: 2) e: Int @unknown f: Int @d(a: "x") }
            enum E @d(a: 1) { V }
            """
        #expect(problems(sdl) == [
            #"Directive "@d" argument "a" of type "Int!" is required, but it was not provided. (2:21)"#,
            #"Unknown argument "x" on directive "@d". Did you mean "a"? (2:34)"#,
            #"The directive "@d" can only be used once at this location. (2:53, 2:62)"#,
            #"Unknown directive "@unknown". (2:78)"#,
            #"Argument "@d(a:)" has invalid value: Expected value of type "Int!", found "x". (2:100)"#,
            "Directive \"@d\" may not be used on ENUM. (3:8)",
        ])
        #expect(problems("type Query { a: Int @deprecated(reason: \"x\", reason: \"y\") }") == [
            #"There can be only one argument named "reason". (1:33, 1:46)"#,
        ])
        #expect(problems("type Query { a: Int } extend type Query @custom") == [#"Unknown directive "@custom". (1:41)"#])
    }

    @Test func repeatableDirectivesMayRepeat() {
        #expect(problems("directive @tag(n: Int) repeatable on OBJECT type Query @tag(n: 1) @tag(n: 2) { a: Int }") == [])
        #expect(problems("directive @tag on OBJECT type Query @tag { a: Int } extend type Query @tag") == [
            #"The directive "@tag" can only be used once at this location. (1:37, 1:71)"#,
        ])
    }

    @Test func invalidDefaultValuesAreReported() {
        #expect(problems(#"type Query { a(x: Int = "s"): Int }"#) == [
            #"Argument "Query.a(x:)" has invalid default value: Expected value of type "Int", found "s". (1:25)"#,
        ])
        #expect(problems("type Query { a(x: E = NOPE): Int } enum E { A }") == [
            #"Argument "Query.a(x:)" has invalid default value: Expected value of type "E", found NOPE. (1:23)"#,
        ])
        #expect(problems("type Query { a: Int } input I { f: Int! = null }") == [
            #"Input field "I.f" has invalid default value: Expected value of type "Int!", found null. (1:43)"#,
        ])
        #expect(problems("type Query { a(x: I = {}): Int } input I { f: Int! }") == [
            #"Argument "Query.a(x:)" has invalid default value: Expected value of type "I", found {}. (1:23)"#,
        ])
        #expect(problems("type Query { a(x: O = {a: 1, b: 2}): Int } input O @oneOf { a: Int b: Int }") == [
            #"Argument "Query.a(x:)" has invalid default value: Expected value of type "O", found {a: 1, b: 2}. (1:23)"#,
        ])
        #expect(problems("directive @d(x: Int = 1.5) on FIELD type Query { a: Int }") == [
            #"Argument "@d(x:)" has invalid default value: Expected value of type "Int", found 1.5. (1:23)"#,
        ])
    }

    /// As graphql-js's `valueFromAST`, fields an input object does not define are left out.
    @Test func unknownInputFieldsInDefaultsAreDropped() throws {
        let schema = try buildSchema(sdl: "type Query { a(x: I = {g: 1, f: 2}): Int } input I { f: Int }")
        #expect(schema.queryType?.field(named: "a")?.argument(named: "x")?.defaultValue == ["f": 2])
    }

    @Test func inputDefaultsMayUseOtherInputsDefaults() throws {
        let schema = try buildSchema(sdl: "type Query { a(x: A = {}): Int } input A { b: B = {} } input B { c: Int = 7 }")
        #expect(schema.queryType?.field(named: "a")?.argument(named: "x")?.defaultValue == ["b": ["c": 7]])
    }

    @Test func executableDefinitionsAreRejected() {
        #expect(problems("type Query { a: Int } query { a }") == [
            "A schema document may contain only type system definitions. (1:23)",
        ])
    }

    @Test func schemaErrorsRenderTogetherWithTheirLocations() {
        let error = SchemaError([GraphQLError("one"), GraphQLError("two", locations: [SourceLocation(line: 1, column: 2)])])
        #expect(error.description == "one\n\ntwo (1:2)")
    }
}
