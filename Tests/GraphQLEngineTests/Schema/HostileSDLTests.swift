import Foundation
import Testing
@testable import GraphQLEngine

/// Broken, mutated, huge and deeply nested schema documents give clean errors; whatever builds
/// prints stably.
@Suite struct HostileSDLTests {
    /// Builds `sdl`: either a schema that prints stably or a ``SchemaError`` with messages.
    func expectCleanOutcome(_ sdl: String, _ comment: Comment) {
        do {
            let schema = try buildSchema(sdl: sdl)
            let printed = printSchema(schema)
            #expect(printSchema(try buildSchema(sdl: printed)) == printed, comment)
        } catch {
            #expect(!error.errors.isEmpty && error.errors.allSatisfy { !$0.message.isEmpty }, comment)
        }
    }

    static let replacements = [
        "{", "}", "(", ")", ":", "!", "[", "]", "@", "|", "&", "=", "\"", "\"\"\"", "extend", "type", "Query",
        "__x", "-1", "1e999", "null", "$v", "...", "'; DROP TABLE \"Deal\";--", "input", "@oneOf", "implements",
        "repeatable", "\u{0}", "é",
    ]

    /// Every word of the kitchen sink dropped, doubled and replaced, one at a time.
    @Test func everyWordDroppedDoubledOrReplacedGivesACleanOutcome() {
        let words = KitchenSinkSchema.sdl.split(separator: " ", omittingEmptySubsequences: false)
        for index in words.indices {
            var dropped = words
            dropped.remove(at: index)
            expectCleanOutcome(dropped.joined(separator: " "), "without word \(index)")
            var doubled = words
            doubled.insert(words[index], at: index)
            expectCleanOutcome(doubled.joined(separator: " "), "word \(index) twice")
            var replaced = words
            replaced[index] = Substring(Self.replacements[index % Self.replacements.count])
            expectCleanOutcome(replaced.joined(separator: " "), "word \(index) replaced")
        }
    }

    @Test func everyPrefixGivesACleanOutcome() {
        let utf8 = Array(KitchenSinkSchema.sdl.utf8)
        for end in stride(from: 0, to: utf8.count, by: 5) {
            expectCleanOutcome(String(decoding: utf8[..<end], as: UTF8.self), "prefix \(end)")
        }
    }

    @Test func deepTypeNestingIsASyntaxError() {
        let depth = 100_000
        let sdl = "type Query { a: " + String(repeating: "[", count: depth) + "Int" + String(repeating: "]", count: depth) + " }"
        let error = #expect(throws: SchemaError.self) { try buildSchema(sdl: sdl) }
        #expect(error?.errors.first?.message.hasPrefix("Syntax Error:") == true)
    }

    @Test func deepDefaultValueIsASyntaxError() {
        let depth = 50_000
        let sdl = "type Query { a(x: I = " + String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth)
            + "): Int } input I { a: I }"
        let error = #expect(throws: SchemaError.self) { try buildSchema(sdl: sdl) }
        #expect(error?.errors.first?.message.hasPrefix("Syntax Error:") == true)
    }

    @Test func longChainsOfTypesBuildAndValidate() throws {
        let count = 3_000
        var sdl = "type Query { first: T0 in(x: I0): Int }\n"
        for index in 0..<count {
            sdl += "type T\(index) { next: T\(index + 1) }\n"
            sdl += "input I\(index) { next: I\(index + 1)! }\n"
        }
        sdl += "type T\(count) { end: Int }\ninput I\(count) { end: Int }\n"
        let schema = try buildSchema(sdl: sdl)
        #expect(schema.types.count > 2 * count)
        // Closing the input chain into a cycle of non-null fields is found, once.
        let cyclic = sdl.replacingOccurrences(of: "input I\(count) { end: Int }", with: "input I\(count) { back: I0! }")
        let error = #expect(throws: SchemaError.self) { try buildSchema(sdl: cyclic) }
        #expect(error?.errors.count == 1)
        #expect(error?.errors.first?.message.hasPrefix("Cannot reference Input Object \"I0\" within itself") == true)
    }

    @Test func injectionLookingTextStaysText() throws {
        let text = #"'; DROP TABLE "Deal"; -- \"""# + "\u{7}"
        let sdl = "type Query { \(Printer.quoted(text)) a(x: String = \(Printer.quoted(text))): Int }"
        let schema = try buildSchema(sdl: sdl)
        let field = try #require(schema.queryType?.field(named: "a"))
        #expect(field.description == text)
        #expect(field.argument(named: "x")?.defaultValue == .string(text))
        let printed = printSchema(schema)
        #expect(printSchema(try buildSchema(sdl: printed)) == printed)
    }

    @Test func byteSoupGivesACleanOutcome() {
        // Deterministic byte soup: every byte value, in strides that mix punctuation and names.
        for stride in [1, 3, 7, 13, 31] {
            var bytes: [UInt8] = []
            var value = stride
            for _ in 0..<2_000 {
                bytes.append(UInt8(truncatingIfNeeded: value))
                value = (value &* 31 &+ stride) % 257
            }
            expectCleanOutcome(String(decoding: bytes, as: UTF8.self), "stride \(stride)")
        }
    }
}
