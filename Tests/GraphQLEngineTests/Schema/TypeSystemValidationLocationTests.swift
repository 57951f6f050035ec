import Testing
@testable import GraphQLEngine

/// The locations of type-system validation errors for schemas built from SDL: the nodes
/// graphql-js's `validateSchema` points at (its `astNode`s and their type references).
@Suite struct TypeSystemValidationLocationTests {
    /// The problems of `sdl`, each as "message (line:column, ...)".
    func problems(_ sdl: String) throws -> [String] {
        validateSchema(try buildSchema(sdl: sdl, validate: false)).map(\.description)
    }

    @Test func emptyTypesPointAtTheirDefinitionAndExtensions() throws {
        let sdl = """
            type Query { a: Int }
            type Empty
            extend type Empty @tag
            interface I
            input In
            enum E
            extend enum E @tag
            union U
            directive @tag on OBJECT | ENUM
            """
        #expect(try problems(sdl) == [
            "Type Empty must define one or more fields. (2:1, 3:1)",
            "Type I must define one or more fields. (4:1)",
            "Input Object type In must define one or more fields. (5:1)",
            "Enum type E must define one or more values. (6:1, 7:1)",
            "Union type U must define one or more member types. (8:1)",
        ])
    }

    @Test func missingOrSharedRootTypesPointAtTheSchemaDefinition() throws {
        #expect(try problems("schema @tag { mutation: M }\ntype M { a: Int }\ndirective @tag on SCHEMA") == [
            "Query root type must be provided. (1:1)",
        ])
        #expect(try problems("type Mutation { a: Int }") == ["Query root type must be provided."])
        #expect(try problems("schema { query: Query mutation: Query }\nextend schema { subscription: Query }\ntype Query { a: Int }") == [
            #"All root types must be different, "Query" type is used as query, mutation, and subscription root types. (1:17, 1:33, 2:31)"#,
        ])
    }

    @Test func reservedNamesPointAtTheirDefinitions() throws {
        let sdl = """
            type Query { __a(__x: Int): Int }
            enum E { __V }
            input In { __f: Int }
            directive @__d(__a: Int) on FIELD
            type __Bad { a: Int }
            """
        let reserved = { (name: String, place: String) in
            #"Name "\#(name)" must not begin with "__", which is reserved by GraphQL introspection. (\#(place))"#
        }
        #expect(try problems(sdl) == [
            reserved("__d", "4:1"), reserved("__a", "4:16"), reserved("__a", "1:14"), reserved("__x", "1:18"),
            reserved("__V", "2:10"), reserved("__f", "3:12"), reserved("__Bad", "5:1"),
        ])
    }

    @Test func typesInTheWrongPositionPointAtTheType() throws {
        let sdl = """
            type Query { a: In, b(x: Query): Int }
            input In { f: Query }
            directive @d(x: Query) on FIELD
            """
        #expect(try problems(sdl) == [
            // graphql-js points at the whole argument of a directive definition.
            "The type of @d(x:) must be Input Type but got: Query. (3:14)",
            "The type of Query.a must be Output Type but got: In. (1:17)",
            "The type of Query.b(x:) must be Input Type but got: Query. (1:26)",
            "The type of In.f must be Input Type but got: Query. (2:15)",
        ])
    }

    @Test func requiredAndDeprecatedPointAtTheDirectiveAndTheType() throws {
        let sdl = """
            type Query { a(x: Int! @deprecated): Int }
            input In { f: Int! @deprecated(reason: "gone") }
            directive @d(x: Int! @deprecated) on FIELD
            """
        #expect(try problems(sdl) == [
            "Required argument @d(x:) cannot be deprecated. (3:22, 3:17)",
            "Required argument Query.a(x:) cannot be deprecated. (1:24, 1:19)",
            "Required input field In.f cannot be deprecated. (2:20, 2:15)",
        ])
    }

    @Test func implementationsPointAtBothFields() throws {
        let sdl = """
            interface I { f(a: Int): String, g: [I] }
            type Query implements I & I { f(a: String, b: Int!): Int g: Int }
            type V implements I { g: [I] }
            type W implements I { f: String g: [I] }
            """
        #expect(try problems(sdl) == [
            "Interface field I.f expects type String but Query.f is type Int. (1:26, 2:54)",
            "Interface field argument I.f(a:) expects type Int but Query.f(a:) is type String. (1:20, 2:36)",
            "Object field Query.f includes required argument b that is missing from the Interface field I.f. (2:44, 1:15)",
            "Interface field I.g expects type [I] but Query.g is type Int. (1:37, 2:61)",
            "Type Query can only implement I once. (2:23, 2:27)",
            "Interface field I.f expected but V does not provide it. (1:15, 3:1)",
            "Interface field argument I.f(a:) expected but W.f does not provide it. (1:17, 4:23)",
        ])
    }

    @Test func interfaceCyclesAndAncestorsPointAtTheImplementsClauses() throws {
        let sdl = """
            interface A implements B { a: Int }
            interface B implements A { a: Int }
            interface C implements C { a: Int }
            type Query implements A { a: Int }
            """
        #expect(try problems(sdl) == [
            "Type A cannot implement B because it would create a circular reference. (2:24, 1:24)",
            "Type B cannot implement A because it would create a circular reference. (1:24, 2:24)",
            "Type C cannot implement itself because it would create a circular reference. (3:24)",
            "Type Query must implement B because it is implemented by A. (1:24, 4:23)",
        ])
    }

    @Test func unionMembersPointAtEveryMention() throws {
        #expect(try problems("type Query { a: Int }\nunion U = Query | Query\nextend union U = Query") == [
            "Union type U can only include type Query once. (2:11, 2:19, 3:18)",
            "Union type U can only include type Query once. (2:11, 2:19, 3:18)",
        ])
    }

    @Test func oneOfFieldsAndInputCyclesPointAtTheirFields() throws {
        let sdl = """
            type Query { a: Int }
            input O @oneOf { a: Int! b: Int = 1 }
            input A { b: B! }
            input B { a: A! }
            """
        #expect(try problems(sdl) == [
            "OneOf input field O.a must be nullable. (2:21)",
            "OneOf input field O.b cannot have a default value. (2:26)",
            #"Cannot reference Input Object "A" within itself through a series of non-null fields: "b.a". (3:11, 4:11)"#,
        ])
    }

    @Test func typesMadeInCodeHaveNoLocations() throws {
        let reserved = EnumType("Flag", values: [EnumValueDefinition("true")])
        let query = ObjectType("Query", fields: [FieldDefinition("flag", type: .enum(reserved))])
        let errors = validateSchema(try GraphQLSchema(query: query))
        #expect(errors.map(\.message) == ["Enum type Flag cannot include value: true."])
        #expect(errors.map(\.locations) == [[]])
    }

    @Test func extensionsFromAnotherDocumentPointIntoThatDocument() throws {
        let base = try buildSchema(sdl: "type Query { a: Int }\ninterface I { i: Int }")
        let error = #expect(throws: SchemaError.self) { try extendSchema(base, sdl: "\n\nextend type Query implements I") }
        #expect(error?.errors.map(\.description) == [
            "Interface field I.i expected but Query does not provide it. (2:15, 1:1, 3:1)",
        ])
    }

    /// Positions resolved together (one scan per source) agree with `Source.location(of:)`.
    @Test func positionsResolveLikeSourceLocations() {
        let first = Source("type A {\r\n  \"é😀\" a: Int\r b: Int\n}\n\nx")
        let second = Source("\n\n  z")
        var positions: [SourcePosition] = []
        for (offset, byte) in Array(first.body.utf8).enumerated() where byte & 0xC0 != 0x80 {
            // A node never starts at the line feed of a CR LF pair.
            if byte == 0x0A, offset > 0, Array(first.body.utf8)[offset - 1] == 0x0D { continue }
            positions.append(SourcePosition(source: first, offset: offset))
            positions.append(SourcePosition(source: second, offset: offset % 5))
        }
        positions.reverse()
        #expect(SourcePosition.locations(of: positions) == positions.map { $0.source.location(of: $0.offset) })
    }
}
