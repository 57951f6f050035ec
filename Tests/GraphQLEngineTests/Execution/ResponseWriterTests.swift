import SeededRandom
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

    @Test func integersAndDoublesAreWrittenWithNullForNonFiniteValues() {
        #expect(json { $0.writeInt(Int.min) } == "-9223372036854775808")
        #expect(json { $0.writeInt(0) } == "0")
        #expect(json { $0.writeDouble(10.5) } == "10.5")
        #expect(json { $0.writeDouble(-0.0) } == "0")
        #expect(json { $0.writeDouble(1e21) } == "1e+21")
        #expect(json { $0.writeDouble(.nan) } == "null")
        #expect(json { $0.writeDouble(.infinity) } == "null")
    }

    @Test(arguments: [
        (0.05, "0.05"), (-10.5, "-10.5"), (0.000001, "0.000001"), (0.0000015, "0.0000015"), (1e-7, "1e-7"),
        (0.1 + 0.2, "0.30000000000000004"), (123456789.125, "123456789.125"), (99999999999999.9, "99999999999999.9"),
        (1e15 + 0.5, "1000000000000000.5"), (Double.leastNonzeroMagnitude, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
    ])
    func fractionsAsJavaScriptPrintsThem(value: Double, expected: String) {
        #expect(json { $0.writeDouble(value) } == expected)
    }

    /// The decimal fast path of `writeDouble` against the general formatter, over fractions with
    /// few digits and over arbitrary bit patterns.
    @Test func writtenDoublesMatchTheGeneralFormatter() {
        var random = SplitMix64(seed: 7)
        for round in 0..<20_000 {
            let value: Double
            if round.isMultiple(of: 2) {
                let digits = Double(random.next(below: 1_000_000_000)) - 500_000_000
                var scale = 1.0
                for _ in 0..<random.next(below: 12) { scale *= 10 }
                value = digits / scale
            } else {
                value = Double(bitPattern: random.next())
            }
            guard value.isFinite else { continue }
            let written = json { $0.writeDouble(value) }
            #expect(written == JavaScriptNumber.format(value), "\(value.bitPattern)")
            if written != JavaScriptNumber.format(value) { return }
        }
    }

    /// Escapes found by the eight-bytes-at-a-time scan, at every offset of a long string.
    @Test func escapesAtEveryOffset() {
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}"] {
            for offset in 0..<20 {
                let text = String(repeating: "é", count: offset / 2) + String(repeating: "a", count: offset % 2) + special + "tail~ÿ"
                var expected = "\""
                for scalar in text.unicodeScalars {
                    switch scalar {
                    case "\"": expected += "\\\""
                    case "\\": expected += "\\\\"
                    case "\n": expected += "\\n"
                    case "\u{1}": expected += "\\u0001"
                    case "\u{1F}": expected += "\\u001f"
                    default: expected.unicodeScalars.append(scalar)
                    }
                }
                expected += "\""
                #expect(json { $0.writeString(text) } == expected)
            }
        }
    }

    @Test func collectWritesIntoTheArrayOrSpills() {
        let fits = ResponseWriter.collect(capacity: 64) { writer in
            var writer = writer
            writer.writeString("small")
            return writer
        }
        #expect(fits == Array(#""small""#.utf8))
        let long = String(repeating: "x", count: 1000)
        let spilled = ResponseWriter.collect(capacity: 16) { writer in
            var writer = writer
            writer.writeString(long)
            writer.writeNull()
            return writer
        }
        #expect(spilled == Array("\"\(long)\"null".utf8))
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

    @Test func errorsAreWrittenWithLocationsPathAndExtensions() {
        let error = GraphQLError("bad", locations: [SourceLocation(line: 2, column: 3)], path: [.key("a"), .index(0)],
                                 extensions: [ErrorExtension("code", .int(101)), ErrorExtension("detail", .object([ErrorExtension("x", .list([.bool(true), .null, .double(1.5), .string("s")]))]))])
        #expect(json { $0.writeErrors([error]) } == #"[{"message":"bad","locations":[{"line":2,"column":3}],"path":["a",0],"extensions":{"code":101,"detail":{"x":[true,null,1.5,"s"]}}}]"#)
    }
}
