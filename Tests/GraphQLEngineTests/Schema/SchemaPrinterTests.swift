import DealGraphTesting
import Foundation
import Testing
@testable import GraphQLEngine

@Suite struct SchemaPrinterTests {
    @Test func printingIsStableThroughBuild() throws {
        let printed = printSchema(try buildSchema(sdl: KitchenSinkSchema.sdl))
        #expect(printSchema(try buildSchema(sdl: printed)) == printed)
    }

    @Test func printsLikeGraphQLCore() throws {
        let printed = printSchema(try buildSchema(sdl: KitchenSinkSchema.sdl))
        let reference = try GraphQLCore.reprint(sdl: KitchenSinkSchema.sdl)
        #expect(printed == reference)
    }

    @Test func omitsSchemaDefinitionForDefaultRootNames() throws {
        let schema = try buildSchema(sdl: "type Query { a: Int }\ntype Mutation { b: Int }")
        #expect(printSchema(schema) == "type Query {\n  a: Int\n}\n\ntype Mutation {\n  b: Int\n}")
    }

    @Test func printsSchemaDefinitionForDescriptionOrOtherNames() throws {
        let described = try buildSchema(sdl: "\"The API\"\nschema { query: Query }\ntype Query { a: Int }")
        #expect(printSchema(described).hasPrefix("\"\"\"The API\"\"\"\nschema {\n  query: Query\n}\n\n"))
        let renamed = try buildSchema(sdl: "schema { query: Q }\ntype Q { a: Int }")
        #expect(printSchema(renamed) == "schema {\n  query: Q\n}\n\ntype Q {\n  a: Int\n}")
    }

    @Test func descriptionsThatNeedEscapesPrintAsStrings() throws {
        let sdl = #"type Query { "tab\there and\r\nbreak" a: Int "\n  leading break" b: Int }"#
        let printed = printSchema(try buildSchema(sdl: sdl))
        #expect(printed.contains(#""tab\there and\r\nbreak""#))
        #expect(printed.contains(#""\n  leading break""#))
        #expect(printed == (try GraphQLCore.reprint(sdl: sdl)))
        #expect(printSchema(try buildSchema(sdl: printed)) == printed)
    }

    /// graphql-js's block string layout: long lines, leading blanks, trailing quotes and
    /// backslashes, embedded triple quotes, unicode.
    @Test func blockStringEdgesPrintLikeGraphQLCore() throws {
        let descriptions = [
            String(repeating: "long ", count: 20), "  leading blank", #"ends with a "quote""#, #"ends with \"#,
            #"has """ triple quotes"#, "multi\nline\n  indented", "émoji 🚀 and ü", "",
        ]
        var sdl = "type Query {\n"
        for (index, text) in descriptions.enumerated() {
            sdl += "  \(Printer.quoted(text))\n  f\(index)(\(Printer.quoted(text)) a: Int): Int\n"
        }
        sdl += "}\n\(Printer.quoted(descriptions[5]))\nenum E {\n  \(Printer.quoted(descriptions[2])) A\n}"
        let printed = printSchema(try buildSchema(sdl: sdl))
        #expect(printed == (try GraphQLCore.reprint(sdl: sdl)))
        #expect(printSchema(try buildSchema(sdl: printed)) == printed)
    }

    @Test func customScalarDefaultsPrintAsLiterals() throws {
        let sdl = #"scalar JSON type Query { a(x: JSON = {a: [1, 2.5, "x"], b: null, c: ENUMLIKE}): Int }"#
        let printed = printSchema(try buildSchema(sdl: sdl))
        #expect(printed.contains(#"a(x: JSON = {a: [1, 2.5, "x"], b: null, c: "ENUMLIKE"}): Int"#))
        #expect(printSchema(try buildSchema(sdl: printed)) == printed)
    }

    /// The shared kitchen sink is a parser fixture full of undefined types and directives: when
    /// it is present, building it must report those problems with locations, not crash.
    @Test func sharedParserKitchenSinkFailsCleanlyWhenPresent() throws {
        let path = "/work/shared/workloads/schema-kitchen-sink.graphql"
        guard let sdl = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        let error = try #require(throws: SchemaError.self) { try buildSchema(sdl: sdl) }
        #expect(error.errors.contains { $0.message.hasPrefix("Unknown type \"Type\".") })
        #expect(error.errors.allSatisfy { !$0.locations.isEmpty })
    }
}
