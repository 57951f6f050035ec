import Testing
@testable import GraphQLEngine

/// Every rule of type-system validation, with graphql-js's `validateSchema` messages.
@Suite struct TypeSystemValidationTests {
    func problems(_ sdl: String) throws -> [String] {
        validateSchema(try buildSchema(sdl: sdl, validate: false)).map(\.message)
    }

    @Test func validSchemasPass() throws {
        #expect(try problems(KitchenSinkSchema.sdl) == [])
        #expect(try problems("type Query { a: Int } input L { l: [L!]! } input N { n: N }") == [])
    }

    @Test func buildingValidatesByDefault() {
        let error = #expect(throws: SchemaError.self) { try buildSchema(sdl: "type Query { a: Int } enum E") }
        #expect(error?.errors.map(\.message) == ["Enum type E must define one or more values."])
    }

    @Test func queryRootIsRequiredAndRootsDiffer() throws {
        #expect(try problems("type Mutation { a: Int }") == ["Query root type must be provided."])
        #expect(try problems("schema { query: Query mutation: Query subscription: Query } type Query { a: Int }") == [
            #"All root types must be different, "Query" type is used as query, mutation, and subscription root types."#,
        ])
        #expect(try problems("schema { query: Query mutation: M subscription: M } type Query { a: Int } type M { a: Int }") == [
            #"All root types must be different, "M" type is used as mutation and subscription root types."#,
        ])
    }

    @Test func typesMustNotBeEmpty() throws {
        #expect(try problems("type Query { a: Int } type Empty interface I input In enum E union U") == [
            "Type Empty must define one or more fields.",
            "Type I must define one or more fields.",
            "Input Object type In must define one or more fields.",
            "Enum type E must define one or more values.",
            "Union type U must define one or more member types.",
        ])
    }

    @Test func namesMustNotBeginWithTwoUnderscores() throws {
        let sdl = """
            type Query { __a(__x: Int): Int }
            type __Bad { a: Int }
            enum E2 { __V }
            input I2 { __f: Int }
            directive @__d(__a: Int) on FIELD
            """
        let reserved = { (name: String) in #"Name "\#(name)" must not begin with "__", which is reserved by GraphQL introspection."# }
        #expect(try problems(sdl) == ["__d", "__a", "__a", "__x", "__Bad", "__V", "__f"].map(reserved))
    }

    @Test func argumentsAndInputFieldsNeedInputTypes() throws {
        #expect(try problems("type Query { a: In, b(x: Query): Int } input In { f: Query } directive @d(x: Query) on FIELD") == [
            "The type of @d(x:) must be Input Type but got: Query.",
            "The type of Query.a must be Output Type but got: In.",
            "The type of Query.b(x:) must be Input Type but got: Query.",
            "The type of In.f must be Input Type but got: Query.",
        ])
    }

    @Test func requiredArgumentsAndInputFieldsCannotBeDeprecated() throws {
        let sdl = """
            type Query { a(x: Int! @deprecated, y: Int! = 1 @deprecated): Int }
            input In { f: Int! @deprecated, g: Int! = 1 @deprecated }
            directive @d(x: Int! @deprecated) on FIELD
            """
        #expect(try problems(sdl) == [
            "Required argument @d(x:) cannot be deprecated.",
            "Required argument Query.a(x:) cannot be deprecated.",
            "Required input field In.f cannot be deprecated.",
        ])
    }

    @Test func oneOfFieldsAreNullableWithoutDefaults() throws {
        #expect(try problems("type Query { a: Int } input O @oneOf { a: Int!, b: Int = 1, c: String }") == [
            "OneOf input field O.a must be nullable.",
            "OneOf input field O.b cannot have a default value.",
        ])
    }

    @Test func inputObjectsCannotContainThemselvesThroughNonNullFields() throws {
        let sdl = """
            type Query { a: Int }
            input A { b: B! }
            input B { c: C!, a2: A }
            input C { a: A! }
            input S { s: S! }
            input L { l: [L!]! }
            """
        #expect(try problems(sdl) == [
            #"Cannot reference Input Object "A" within itself through a series of non-null fields: "b.c.a"."#,
            #"Cannot reference Input Object "S" within itself through a series of non-null fields: "s"."#,
        ])
    }

    @Test func implementationsProvideCompatibleFields() throws {
        let sdl = """
            interface I { f(a: Int): String, g: [I] }
            type Query implements I { f: String, g: [Query!]! }
            type T implements I { f(a: String, b: Int!, c: Int): Int g: Int }
            type V implements I { g: [I] }
            """
        #expect(try problems(sdl) == [
            "Interface field argument I.f(a:) expected but Query.f does not provide it.",
            "Interface field I.f expects type String but T.f is type Int.",
            "Interface field argument I.f(a:) expects type Int but T.f(a:) is type String.",
            "Object field T.f includes required argument b that is missing from the Interface field I.f.",
            "Interface field I.g expects type [I] but T.g is type Int.",
            "Interface field I.f expected but V does not provide it.",
        ])
    }

    @Test func interfacesCannotFormCycles() throws {
        let sdl = """
            interface A implements B { a: Int }
            interface B implements A { a: Int }
            interface C implements C { a: Int }
            type Query implements A { a: Int }
            """
        #expect(try problems(sdl) == [
            "Type A cannot implement B because it would create a circular reference.",
            "Type B cannot implement A because it would create a circular reference.",
            "Type C cannot implement itself because it would create a circular reference.",
            "Type Query must implement B because it is implemented by A.",
        ])
    }

    @Test func interfacesAndUnionMembersMayBeListedOnlyOnce() throws {
        let sdl = """
            interface A { a: Int }
            interface B implements A { a: Int }
            type Query implements B & B { a: Int }
            union U = Query | Query
            """
        #expect(try problems(sdl) == [
            "Type Query must implement A because it is implemented by B.",
            "Type Query can only implement B once.",
            "Union type U can only include type Query once.",
        ])
    }

    @Test func modelBuiltInCodeIsValidatedToo() throws {
        let reserved = EnumType("Flag", values: [EnumValueDefinition("true"), EnumValueDefinition("ON")])
        let query = ObjectType("Query", fields: [FieldDefinition("flag", type: .enum(reserved))])
        #expect(validateSchema(try GraphQLSchema(query: query)).map(\.message) == [
            "Enum type Flag cannot include value: true.",
        ])
    }
}
