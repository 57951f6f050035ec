import Testing
@testable import GraphQLEngine

/// JSON text as `JSON.stringify` writes it (RFC 8259 section 7).
@Suite struct ResponseWriterTests {
    func json(_ body: (inout ResponseWriter) -> Void) -> String {
        var writer = ResponseWriter(capacity: 1)
        body(&writer)
        return writer.finishString()
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        ("quote \" backslash \\ slash /", #""quote \" backslash \\ slash /""#),
        ("\u{8}\u{C}\n\r\t", #""\b\f\n\r\t""#),
        ("\u{0}\u{1}\u{1F}\u{7F}", #""\u0000\u0001\u001f\#u{7F}""#),
        ("ünïcødé 日本 🙂 \u{2028}", "\"ünïcødé 日本 🙂 \u{2028}\""),
        ("", #""""#),
    ])
    func stringsAreEscaped(input: String, expected: String) {
        #expect(json { $0.writeString(input) } == expected)
    }

    @Test func longStringsGrowTheBuffer() {
        let long = String(repeating: "a\"", count: 10_000)
        let text = json { $0.writeString(long) }
        #expect(text.utf8.count == 30_002)
        #expect(text.hasSuffix(#"a\"""#))
    }

    @Test func numbers() {
        #expect(json { $0.writeInt(Int.min) } == "-9223372036854775808")
        #expect(json { $0.writeInt(0) } == "0")
        #expect(json { $0.writeDouble(10.5) } == "10.5")
        #expect(json { $0.writeDouble(-0.0) } == "0")
        #expect(json { $0.writeDouble(1e21) } == "1e+21")
        #expect(json { $0.writeDouble(.nan) } == "null")
        #expect(json { $0.writeDouble(.infinity) } == "null")
    }

    @Test func rewindDropsPartialOutput() {
        let text = json { writer in
            writer.writeByte(UInt8(ascii: "["))
            let mark = writer.count
            writer.writeString("discarded")
            writer.rewind(to: mark)
            writer.writeNull()
            writer.writeByte(UInt8(ascii: "]"))
        }
        #expect(text == "[null]")
    }

    @Test func errorsWithExtensions() {
        let error = GraphQLError("bad", locations: [SourceLocation(line: 2, column: 3)], path: [.key("a"), .index(0)],
                                 extensions: [ErrorExtension("code", .int(101)), ErrorExtension("detail", .object([ErrorExtension("x", .list([.bool(true), .null, .double(1.5), .string("s")]))]))])
        #expect(json { $0.writeErrors([error]) } == #"[{"message":"bad","locations":[{"line":2,"column":3}],"path":["a",0],"extensions":{"code":101,"detail":{"x":[true,null,1.5,"s"]}}}]"#)
    }
}
