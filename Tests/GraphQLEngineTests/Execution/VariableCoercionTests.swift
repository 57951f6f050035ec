import Testing
@testable import GraphQLEngine

/// Spec 6.1.2 CoerceVariableValues and 3.10 input coercion, with graphql-js's messages.
@Suite struct VariableCoercionTests {
    static let sdl = """
        enum Stage { LEAD WON }
        input Range { min: Int!, max: Int = 100 }
        input Filter { stage: Stage, range: Range, tags: [String!] }
        input Pick @oneOf { id: ID, name: String }
        type Query {
          echo(int: Int, float: Float, id: ID, stage: Stage, list: [Int], filter: Filter, pick: Pick, text: String): String
        }
        """

    /// `echo` prints its arguments in GraphQL-ish form, so tests see exactly what was coerced.
    static func schema() throws -> GraphQLSchema {
        try makeSchema(sdl) { schema in
            schema.attach(.each { _, batch in
                .string(batch.arguments.fields.map { "\($0)=\(describeValue($1))" }.joined(separator: " "))
            }, to: "Query", "echo")
        }
    }

    static func describeValue(_ value: GraphQLValue) -> String {
        switch value {
        case .null: return "null"
        case .boolean(let b): return "\(b)"
        case .int(let i): return "\(i)"
        case .float(let d): return "\(d)"
        case .string(let s): return "'\(s)'"
        case .list(let items): return "[" + items.map(describeValue).joined(separator: ",") + "]"
        case .object(let record): return "{" + record.fields.map { "\($0):\(describeValue($1))" }.joined(separator: ",") + "}"
        case .host: return "host"
        }
    }

    func echo(_ definitions: String, _ arguments: String, _ variables: [String: GraphQLValue]) async throws -> String {
        await run(try Self.schema(), "query(\(definitions)) { echo(\(arguments)) }", variables: variables)
    }

    @Test func validValuesAreCoerced() async throws {
        let text = try await echo("$i: Int, $f: Float, $id: ID, $s: Stage, $l: [Int], $r: Filter",
                                  "int: $i, float: $f, id: $id, stage: $s, list: $l, filter: $r",
                                  ["i": 7, "f": 2, "id": 42, "s": "WON", "l": 3, "r": ["range": ["min": 1], "tags": "x"]])
        #expect(text == #"{"data":{"echo":"int=7 float=2.0 id='42' stage='WON' list=[3] filter={range:{min:1,max:100},tags:['x']}"}}"#)
    }

    @Test func defaultsApplyOnlyWhenAbsent() async throws {
        let query = #"query($i: Int = 5, $t: String = "hi") { echo(int: $i, text: $t) }"#
        let schema = try Self.schema()
        #expect(await run(schema, query) == #"{"data":{"echo":"int=5 text='hi'"}}"#)
        #expect(await run(schema, query, variables: ["i": .null]) == #"{"data":{"echo":"int=null text='hi'"}}"#)
    }

    @Test func aMissingRequiredVariableIsARequestError() async throws {
        let text = try await echo("$i: Int!", "int: $i", [:])
        #expect(text == #"{"errors":[{"message":"Variable \"$i\" of required type \"Int!\" was not provided.","locations":[{"line":1,"column":7}]}]}"#)
    }

    @Test func nullForANonNullVariableIsARequestError() async throws {
        let text = try await echo("$i: Int!", "int: $i", ["i": .null])
        #expect(text == #"{"errors":[{"message":"Variable \"$i\" of non-null type \"Int!\" must not be null.","locations":[{"line":1,"column":7}]}]}"#)
    }

    static let invalidCases: [InvalidCase] = [
        InvalidCase("$i: Int", "int: $i", "i", GraphQLValue.string("12"), #"Variable \"$i\" got invalid value \"12\"; Int cannot represent non-integer value: \"12\""#),
        InvalidCase("$i: Int", "int: $i", "i", .float(1.5), #"Variable \"$i\" got invalid value 1.5; Int cannot represent non-integer value: 1.5"#),
        InvalidCase("$i: Int", "int: $i", "i", .int(1 << 33), #"Variable \"$i\" got invalid value 8589934592; Int cannot represent non 32-bit signed integer value: 8589934592"#),
        InvalidCase("$f: Float", "float: $f", "f", .boolean(true), #"Variable \"$f\" got invalid value true; Float cannot represent non numeric value: true"#),
        InvalidCase("$s: Stage", "stage: $s", "s", .string("LOST"), #"Variable \"$s\" got invalid value \"LOST\"; Value \"LOST\" does not exist in \"Stage\" enum."#),
        InvalidCase("$s: Stage", "stage: $s", "s", .int(1), #"Variable \"$s\" got invalid value 1; Enum \"Stage\" cannot represent non-string value: 1."#),
        InvalidCase("$l: [Int]", "list: $l", "l", .list([1, "x"]), #"Variable \"$l\" got invalid value \"x\" at \"l[1]\"; Int cannot represent non-integer value: \"x\""#),
        InvalidCase("$r: Filter", "filter: $r", "r", .string("x"), #"Variable \"$r\" got invalid value \"x\"; Expected type \"Filter\" to be an object."#),
        InvalidCase("$r: Filter", "filter: $r", "r", ["range": ["max": 3]], #"Variable \"$r\" got invalid value { max: 3 } at \"r.range\"; Field \"min\" of required type \"Int!\" was not provided."#),
        InvalidCase("$r: Filter", "filter: $r", "r", ["color": "red"], #"Variable \"$r\" got invalid value { color: \"red\" }; Field \"color\" is not defined by type \"Filter\"."#),
        InvalidCase("$r: Filter", "filter: $r", "r", ["tags": ["a", .null]], #"Variable \"$r\" got invalid value null at \"r.tags[1]\"; Expected non-nullable type \"String!\" not to be null."#),
        InvalidCase("$p: Pick", "pick: $p", "p", ["id": "1", "name": "x"], #"Variable \"$p\" got invalid value { id: \"1\", name: \"x\" }; Exactly one key must be specified for OneOf type \"Pick\"."#),
        InvalidCase("$p: Pick", "pick: $p", "p", ["id": .null], #"Variable \"$p\" got invalid value null at \"p.id\"; Field \"id\" must be non-null."#),
    ]

    @Test(arguments: invalidCases)
    func invalidVariableValuesAreRequestErrors(_ invalid: InvalidCase) async throws {
        let text = try await echo(invalid.definition, invalid.argument, [invalid.name: invalid.value])
        #expect(text == #"{"errors":[{"message":""# + invalid.message + #"","locations":[{"line":1,"column":7}]}]}"#)
    }

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        let definition: String, argument: String, name: String, value: GraphQLValue, message: String
        init(_ definition: String, _ argument: String, _ name: String, _ value: GraphQLValue, _ message: String) {
            (self.definition, self.argument, self.name, self.value, self.message) = (definition, argument, name, value, message)
        }
        var testDescription: String { definition + " = " + inspect(value) }
    }

    @Test func everyProblemIsReported() async throws {
        let text = try await echo("$a: Int!, $b: Float, $c: Stage", "int: $a, float: $b, stage: $c", ["b": "x", "c": "nope"])
        let response = await graphql(schema: try Self.schema(), source: "query($a: Int!, $b: Float, $c: Stage) { echo(int: $a, float: $b, stage: $c) }",
                                     variables: ["b": "x", "c": "nope"])
        #expect(response.errors.count == 3)
        #expect(!response.hasData)
        #expect(text.hasPrefix(#"{"errors":[{"message":"Variable \"$a\" of required type"#))
    }

    @Test func hostileVariablesStopAtTheErrorLimit() async throws {
        let many = GraphQLValue.list((0..<10_000).map { _ in "not an int" })
        let response = await graphql(schema: try Self.schema(), source: "query($l: [Int]) { echo(list: $l) }", variables: ["l": many])
        #expect(response.errors.count == 51)
        #expect(response.errors.last?.message == "Too many errors processing variables, error limit reached. Execution aborted.")
    }

    @Test func sqlLookingStringsAreJustStrings() async throws {
        let text = try await echo("$t: String", "text: $t", ["t": "'; DROP TABLE \"Deal\"; --"])
        #expect(text == #"{"data":{"echo":"text=''; DROP TABLE \"Deal\"; --'"}}"#)
    }

    @Test func deeplyNestedVariableValuesAreRejectedCleanly() async throws {
        var nested: GraphQLValue = 1
        for _ in 0..<2000 { nested = .list([nested]) }
        let text = try await echo("$l: [Int]", "list: $l", ["l": nested])
        #expect(text.hasPrefix(#"{"errors":[{"message":"Variable \"$l\" got invalid value [[[Array]]] at \"l[0]\"; Int cannot represent non-integer value: [[[Array]]]"#))
    }
}
