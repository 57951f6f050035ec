import Testing
@testable import GraphQLEngine

/// Spec 6.4.1 CoerceArgumentValues and 6.1 GetOperation on documents that skip validation
/// (`execute` takes a validated document; these show what happens when one is not).
@Suite struct ArgumentAndOperationTests {
    static func schema() throws -> GraphQLSchema {
        try makeSchema("""
            type Query { need(n: Int!): Int, maybe(n: Int = 3): Int, list(of: [Int!]): [Int] }
            type Mutation { set(n: Int): Int }
            """) { schema in
            schema.attach(.each { _, batch in batch.arguments["n"] ?? "absent" }, to: "Query", "need")
            schema.attach(.each { _, batch in batch.arguments["n"] ?? "absent" }, to: "Query", "maybe")
            schema.attach(.each { _, batch in batch.arguments["of"] ?? .null }, to: "Query", "list")
        }
    }

    func executeUnvalidated(_ source: String, variables: [String: GraphQLValue] = [:], operationName: String? = nil) async throws -> String {
        let document = try parse(source)
        return await execute(schema: try Self.schema(), document: document, variables: variables, operationName: operationName).text
    }

    @Test func argumentsTakeTheGivenValueOrTheirDefault() async throws {
        #expect(try await executeUnvalidated("{ a: maybe b: maybe(n: 9) c: maybe(n: null) }") == #"{"data":{"a":3,"b":9,"c":null}}"#)
        #expect(try await executeUnvalidated("query($v: Int) { maybe(n: $v) }") == #"{"data":{"maybe":3}}"#)
        #expect(try await executeUnvalidated("{ list(of: 4) }") == #"{"data":{"list":[4]}}"#)
    }

    @Test func aMissingRequiredArgumentIsAFieldError() async throws {
        #expect(try await executeUnvalidated("{ need }") == #"{"data":{"need":null},"errors":[{"message":"Argument \"n\" of required type \"Int!\" was not provided.","locations":[{"line":1,"column":3}],"path":["need"]}]}"#)
    }

    @Test func aRequiredArgumentFromAnAbsentVariableIsAFieldError() async throws {
        #expect(try await executeUnvalidated("query($v: Int) { need(n: $v) }") == #"{"data":{"need":null},"errors":[{"message":"Argument \"n\" of required type \"Int!\" was provided the variable \"$v\" which was not provided a runtime value.","locations":[{"line":1,"column":26}],"path":["need"]}]}"#)
    }

    @Test func nullForANonNullArgumentIsAFieldError() async throws {
        #expect(try await executeUnvalidated("{ need(n: null) }") == #"{"data":{"need":null},"errors":[{"message":"Argument \"n\" of non-null type \"Int!\" must not be null.","locations":[{"line":1,"column":11}],"path":["need"]}]}"#)
        #expect(try await executeUnvalidated("query($v: Int) { need(n: $v) }", variables: ["v": .null]) == #"{"data":{"need":null},"errors":[{"message":"Argument \"n\" of non-null type \"Int!\" must not be null.","locations":[{"line":1,"column":26}],"path":["need"]}]}"#)
    }

    @Test func anInvalidLiteralArgumentIsAFieldError() async throws {
        #expect(try await executeUnvalidated(#"{ need(n: "x") }"#) == #"{"data":{"need":null},"errors":[{"message":"Argument \"n\" has invalid value \"x\".","locations":[{"line":1,"column":11}],"path":["need"]}]}"#)
        #expect(try await executeUnvalidated("{ list(of: [1, null]) }") == #"{"data":{"list":null},"errors":[{"message":"Argument \"of\" has invalid value [1, null].","locations":[{"line":1,"column":12}],"path":["list"]}]}"#)
    }

    @Test func theOperationIsChosenByNameOrItIsARequestError() async throws {
        #expect(try await executeUnvalidated("query A { maybe } query B { maybe }") == #"{"errors":[{"message":"Must provide operation name if query contains multiple operations."}]}"#)
        #expect(try await executeUnvalidated("query A { maybe }", operationName: "C") == #"{"errors":[{"message":"Unknown operation named \"C\"."}]}"#)
        #expect(try await executeUnvalidated("fragment F on Query { maybe }") == #"{"errors":[{"message":"Must provide an operation."}]}"#)
        #expect(try await executeUnvalidated("query A { a: maybe } query B { b: maybe }", operationName: "B") == #"{"data":{"b":3}}"#)
    }

    @Test func anOperationWithoutItsRootTypeIsARequestError() async throws {
        let schema = try makeSchema("type Query { a: Int }")
        let response = await execute(schema: schema, document: try parse("subscription { a }"))
        #expect(response.text == #"{"errors":[{"message":"Schema is not configured to execute subscription operation.","locations":[{"line":1,"column":1}]}]}"#)
        #expect(await run(schema, "subscription { a }").contains("The subscription operation is not supported by the schema."))
    }

    @Test func syntaxErrorsAreRequestErrors() async throws {
        let response = await graphql(schema: try Self.schema(), source: "{ maybe(")
        #expect(!response.hasData)
        #expect(response.text.hasPrefix(#"{"errors":[{"message":"Syntax Error:"#))
    }

    @Test func hugeAndDeepDocumentsFailCleanly() async throws {
        let deep = String(repeating: "{", count: 100_000)
        let response = await graphql(schema: try Self.schema(), source: deep)
        #expect(!response.hasData)
        #expect(response.errors.count == 1)
        let wide = "{ " + (0..<5000).map { "a\($0): maybe" }.joined(separator: " ") + " }"
        let wideResponse = await graphql(schema: try Self.schema(), source: wide)
        #expect(wideResponse.errors.isEmpty)
        #expect(wideResponse.text.hasSuffix(#""a4999":3}}"#))
    }
}
