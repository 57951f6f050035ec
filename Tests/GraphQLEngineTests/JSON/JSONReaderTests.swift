import Testing
@testable import GraphQLEngine

@Suite("JSONReader: request bodies into GraphQL values")
struct JSONReaderTests {
    func parse(_ text: String, maxDepth: Int = JSONReader.defaultMaxDepth) throws(JSONSyntaxError) -> GraphQLValue {
        try JSONReader.parse(Array(text.utf8), maxDepth: maxDepth)
    }

    @Test("objects, arrays and literals keep their order and types")
    func structure() throws {
        let value = try parse(#" {"b": [1, true, null, "x"], "a": {"c": false}} "#)
        #expect(value["b"] == [1, true, nil, "x"])
        #expect(value["a"]?["c"] == false)
        #expect(value.recordValue?.shape.names == ["b", "a"])
        #expect(try parse("[]") == [])
        #expect(try parse("{}").recordValue?.shape.names == [])
    }

    @Test("numbers: integers JavaScript holds exactly are ints, the rest floats", arguments: [
        ("0", GraphQLValue.int(0)), ("-12", .int(-12)), ("1.0", .int(1)), ("1e2", .int(100)), ("2.5", .float(2.5)),
        ("-0.125e1", .float(-1.25)), ("9007199254740993", .float(9007199254740992)), ("1e400", .float(.infinity)),
        ("123456789012345", .int(123456789012345)),
    ])
    func numbers(text: String, expected: GraphQLValue) throws {
        #expect(try parse(text) == expected)
    }

    @Test("escapes, including surrogate pairs, decode to the right scalars")
    func escapes() throws {
        #expect(try parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{08}\u{0C}\n\r\t"))
        #expect(try parse(#""\u00e9\u4e2d\uD83D\uDE00""#) == .string("é中😀"))
        #expect(try parse("\"héllo 😀\"") == .string("héllo 😀"))
    }

    @Test("a repeated key keeps its last value, as JSON.parse does")
    func duplicateKeys() throws {
        let value = try parse(#"{"a": 1, "b": 2, "a": 3}"#)
        #expect(value.recordValue?.shape.names == ["a", "b"])
        #expect(value["a"] == 3)
    }

    @Test("malformed texts are refused with a message and an offset", arguments: [
        "", "   ", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "01", "1.", "-", "1e", "tru", "nul", "\"abc",
        "\"\\x\"", "\"\\u12\"", "\"\\uD83D\"", "\"\\uDE00\"", "\"\\uD83D\\u0041\"", "\"a\u{01}b\"", "{} x",
        "[1 2]", "{'a': 1}", "NaN", "Infinity", "{\"a\":}", "[", "{1:2}",
    ])
    func malformed(text: String) {
        #expect(throws: JSONSyntaxError.self) { try parse(text) }
    }

    @Test("invalid UTF-8 is refused, in plain runs and next to escapes")
    func invalidUTF8() {
        for bytes: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0x5C, 0x6E, 0xED, 0xA0, 0x80, 0x22],
                               [0x22, 0xE2, 0x82, 0x5C, 0x6E, 0x22]] {
            #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(bytes) }
        }
    }

    @Test("nesting beyond the limit is refused without exhausting the stack")
    func depth() throws {
        #expect(try parse(String(repeating: "[", count: 5) + String(repeating: "]", count: 5), maxDepth: 5) != .null)
        #expect(throws: JSONSyntaxError.self) {
            try parse(String(repeating: "[", count: 6) + String(repeating: "]", count: 6), maxDepth: 5)
        }
        let hostile = String(repeating: "{\"a\":[", count: 200_000)
        let error = #expect(throws: JSONSyntaxError.self) { try parse(hostile) }
        #expect(error?.message.contains("nested deeper") == true)
    }

    @Test("the error says where: byte offset of the problem")
    func offsets() {
        let error = #expect(throws: JSONSyntaxError.self) { try parse(#"{"query": }"#) }
        #expect(error == JSONSyntaxError(message: "Unexpected character '}'", offset: 10))
    }
}
