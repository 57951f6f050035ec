import SeededRandom
import Testing
@testable import GraphQLEngine

/// The value of the block string `"""raw"""`.
private func blockValue(_ raw: String) throws -> String {
    guard case .string(let string) = try parseValue(Source("\"\"\"" + raw + "\"\"\"")) else {
        Issue.record("not a string")
        return ""
    }
    #expect(string.block)
    return string.value
}

/// Spec: BlockStringValue(rawValue), with the cases of the spec's examples.
@Test(arguments: [
    // The first line keeps its indentation and does not count toward the common indentation.
    ("    Hello,\n      World!\n\n    Yours,\n      GraphQL.", "    Hello,\n  World!\n\nYours,\n  GraphQL."),
    ("\n\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n\n", "Hello,\n  World!\n\nYours,\n  GraphQL."),
    ("  \n        \n    Hello,\n      World!\n  \n   \n", "Hello,\n  World!"),
    ("    Hello,\n      World!", "    Hello,\nWorld!"),
    ("               \n    Hello,     \n      World!   \n    \n", "Hello,     \n  World!   "),
    ("\r\n    Hello,\r\n      World!\r\n", "Hello,\n  World!"),
    ("\r    Hello,\r      World!\r", "Hello,\n  World!"),
    ("\n\t\tTabs\n\t\t\tcount\n", "Tabs\n\tcount"),
    ("Escaped \\\"\"\" quotes and \\n stays", "Escaped \"\"\" quotes and \\n stays"),
    ("   \n  \n\t\n", ""),
    ("", ""),
    ("single line", "single line"),
    ("  first\n      second\n    third", "  first\n  second\nthird"),
    ("unicode é 😀\n  \u{01}", "unicode é 😀\n\u{01}"),
])
func blockStringsReadAsTheSpecsBlockStringValue(raw: String, value: String) throws {
    #expect(try blockValue(raw) == value)
}

/// graphql-js's printBlockString, checked against graphql-js 16.
@Test(arguments: [
    ("", #""""""""#),
    ("abc", #""""abc""""#),
    ("  abc", #""""  abc""""#),
    ("abc\ndef", "\"\"\"\nabc\ndef\n\"\"\""),
    ("abc\"", "\"\"\"\nabc\"\n\"\"\""),
    ("a \"\"\" b", #""""a \""" b""""#),
    (String(repeating: "x", count: 71), "\"\"\"\n" + String(repeating: "x", count: 71) + "\n\"\"\""),
    ("  a\n  b", "\"\"\"\n  a\n  b\n\"\"\""),
    ("a\\", "\"\"\"\na\\\n\"\"\""),
    ("first\n  second\n\nthird", "\"\"\"\nfirst\n  second\n\nthird\n\"\"\""),
    ("ends with escaped \"\"\"", "\"\"\"\nends with escaped \\\"\"\"\n\"\"\""),
])
func blockStringsPrintAsGraphQLJSPrintsThem(value: String, printed: String) {
    #expect(BlockString.print(value) == printed)
}

/// Any block string value printed and parsed again is unchanged.
@Test func blockStringsRoundTrip() throws {
    var random = SplitMix64(seed: 0xB10C)
    let pieces = ["a", "b", " ", "  ", "\t", "\n", "\r\n", "\"", "\"\"\"", "\\", "é", "😀", "x y"]
    for _ in 0..<2_000 {
        let raw = (0..<random.next(below: 12)).map { _ in pieces[random.next(below: pieces.count)] }.joined()
        let escapedRaw = raw.replacing("\"\"\"", with: "\\\"\"\"")
        // A raw text ending in `"` or `\` would merge with the closing quotes.
        guard !escapedRaw.hasSuffix("\""), !escapedRaw.hasSuffix("\\") else { continue }
        let value = try blockValue(escapedRaw)
        let printed = BlockString.print(value)
        let reparsed = try parseValue(Source(printed))
        #expect(reparsed == .string(StringValueNode(value: value, block: true, loc: .none)), "raw: \(raw.debugDescription)")
    }
}
