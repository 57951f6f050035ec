import Testing
@testable import GraphQLEngine

/// Lexes `text` into its significant tokens.
private func lex(_ text: String) throws -> [Token] {
    try text.withCString { pointer in
        try pointer.withMemoryRebound(to: UInt8.self, capacity: text.utf8.count + 1) { bytes in
            var lexer = Lexer(bytes: bytes, count: text.utf8.count)
            var tokens: [Token] = []
            while true {
                let token = try lexer.next()
                if token.kind == .endOfFile { return tokens }
                tokens.append(token)
            }
        }
    }
}

/// The kinds and source texts of the tokens of `text`.
private func kindsAndTexts(_ text: String) throws -> [String] {
    let bytes = Array(text.utf8)
    return try lex(text).map { token in
        "\(token.kind):" + String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }
}

/// The value of the single string literal in `text`.
private func stringValue(_ text: String) throws -> String {
    let value = try parseValue(Source(text))
    guard case .string(let string) = value else {
        Issue.record("not a string: \(value)")
        return ""
    }
    return string.value
}

@Test func punctuatorsNamesAndNumbersLexToTheirKinds() throws {
    #expect(try kindsAndTexts("! $ & ( ) ... : = @ [ ] { | }") == [
        "bang:!", "dollar:$", "amp:&", "parenL:(", "parenR:)", "spread:...", "colon::", "equals:=", "at:@",
        "bracketL:[", "bracketR:]", "braceL:{", "pipe:|", "braceR:}",
    ])
    #expect(try kindsAndTexts("_a9 B __typename 0 -0 12 -3 1.5 -0.25 1e10 2E-3 6.02e+23") == [
        "name:_a9", "name:B", "name:__typename", "int:0", "int:-0", "int:12", "int:-3", "float:1.5",
        "float:-0.25", "float:1e10", "float:2E-3", "float:6.02e+23",
    ])
}

@Test func ignoredTokensAreSkipped() throws {
    // Spec: Ignored :: UnicodeBOM | WhiteSpace | LineTerminator | Comment | Comma
    #expect(try kindsAndTexts("\u{FEFF}a,,b\t# comment { not a token }\r\nc\rd # trailing") == [
        "name:a", "name:b", "name:c", "name:d",
    ])
    #expect(try lex("# only a comment").isEmpty)
    #expect(try lex("").isEmpty)
}

@Test func tokensKnowLineAndColumn() throws {
    let tokens = try lex("{\n  a\r\n    b\r  c \"\"\"x\n y\"\"\" d\n}")
    #expect(tokens.map(\.line) == [1, 2, 3, 4, 4, 5, 6])
    #expect(tokens.map(\.column) == [1, 3, 5, 3, 5, 7, 1])
}

@Test func stringEscapesDecodeToTheirCharacters() throws {
    #expect(try stringValue(#""simple""#) == "simple")
    #expect(try stringValue(#""""#) == "")
    #expect(try stringValue(#""quote \" backslash \\ slash \/ b\b f\f n\n r\r t\t""#)
        == "quote \" backslash \\ slash / b\u{08} f\u{0C} n\n r\r t\t")
    #expect(try stringValue(#""\u00e9\u0041\u{1F600}\u{41}\u{00000041}""#) == "éA😀AA")
    // A surrogate pair written as two fixed-width escapes is one scalar.
    #expect(try stringValue(#""\uD83D\uDE00""#) == "😀")
    #expect(try stringValue(#""unicode é 😀 and control \#u{01}""#) == "unicode é 😀 and control \u{01}")
}

/// Lexical errors with graphql-js's messages and positions (checked against graphql-js 16).
@Test(arguments: [
    ("{ a(x: 00) }", #"Invalid number, unexpected digit after 0: "0"."#, 1, 9),
    ("{ a(x: -01) }", #"Invalid number, unexpected digit after 0: "1"."#, 1, 10),
    ("{ a(x: 1.) }", #"Invalid number, expected digit but got: ")"."#, 1, 10),
    ("{ a(x: .5) }", #"Unexpected character: "."."#, 1, 8),
    ("{ a(x: 1e) }", #"Invalid number, expected digit but got: ")"."#, 1, 10),
    ("{ a(x: 1e+) }", #"Invalid number, expected digit but got: ")"."#, 1, 11),
    ("{ a(x: 1a) }", #"Invalid number, expected digit but got: "a"."#, 1, 9),
    ("{ a(x: 1.2.3) }", #"Invalid number, expected digit but got: "."."#, 1, 11),
    ("{ a(x: 1.5_) }", #"Invalid number, expected digit but got: "_"."#, 1, 11),
    ("{ a(x: -) }", #"Invalid number, expected digit but got: ")"."#, 1, 9),
    ("{ a(x: - 1) }", #"Invalid number, expected digit but got: " "."#, 1, 9),
    ("{ a(x: 0x1) }", #"Invalid number, expected digit but got: "x"."#, 1, 9),
    ("{ a(x: 12e3.4) }", #"Invalid number, expected digit but got: "."."#, 1, 12),
    ("{ a(x: 1.", "Invalid number, expected digit but got: <EOF>.", 1, 10),
    (#"{ a(x: "\u{0000000041}") }"#, #"Invalid Unicode escape sequence: "\u{000000004"."#, 1, 9),
    ("{ a(x: \"abc) }", "Unterminated string.", 1, 15),
    ("{ a(x: \"abc", "Unterminated string.", 1, 12),
    ("{ a(x: \"a\nb\") }", "Unterminated string.", 1, 10),
    (#"{ a(x: "\q") }"#, #"Invalid character escape sequence: "\q"."#, 1, 9),
    (#"{ a(x: "\"#, #"Invalid character escape sequence: "\"."#, 1, 9),
    (#"{ a(x: "\u12") }"#, #"Invalid Unicode escape sequence: "\u12")"."#, 1, 9),
    (#"{ a(x: "\u00G0") }"#, #"Invalid Unicode escape sequence: "\u00G0"."#, 1, 9),
    (#"{ a(x: "\uD800") }"#, #"Invalid Unicode escape sequence: "\uD800"."#, 1, 9),
    (#"{ a(x: "\uDC00\uD800") }"#, #"Invalid Unicode escape sequence: "\uDC00"."#, 1, 9),
    (#"{ a(x: "\uD83D\u0041") }"#, #"Invalid Unicode escape sequence: "\uD83D"."#, 1, 9),
    (#"{ a(x: "\u{}") }"#, #"Invalid Unicode escape sequence: "\u{}"."#, 1, 9),
    (#"{ a(x: "\u{110000}") }"#, #"Invalid Unicode escape sequence: "\u{110000}"."#, 1, 9),
    (#"{ a(x: "\u{D800}") }"#, #"Invalid Unicode escape sequence: "\u{D800}"."#, 1, 9),
    (#"{ a(x: "\u{FXYZ}") }"#, #"Invalid Unicode escape sequence: "\u{FX"."#, 1, 9),
    (#"{ a(x: "\u{12345678}") }"#, #"Invalid Unicode escape sequence: "\u{12345678}"."#, 1, 9),
    (#"{ a(x: "\u{1F600") }"#, #"Invalid Unicode escape sequence: "\u{1F600""."#, 1, 9),
    (#"{ a(x: """abc) }"#, "Unterminated string.", 1, 17),
    ("{ é }", "Unexpected character: U+00E9.", 1, 3),
    ("{ a } 😀", "Unexpected character: U+1F600.", 1, 7),
    ("{ 'a' }", #"Unexpected single quote character ('), did you mean to use a double quote (")?"#, 1, 3),
    ("{ a\u{07} }", "Unexpected character: U+0007.", 1, 4),
    ("{ a\u{00}}", "Unexpected character: U+0000.", 1, 4),
    ("{ a\u{A0}}", "Unexpected character: U+00A0.", 1, 4),
    ("{ ?a }", #"Unexpected character: "?"."#, 1, 3),
    ("{ a(x: ~) }", #"Unexpected character: "~"."#, 1, 8),
    ("{ ..a }", #"Unexpected character: "."."#, 1, 3),
    ("query\n\n  { a(x: \"ok\")\n  b(x: 0.1e) }", #"Invalid number, expected digit but got: ")"."#, 4, 12),
    ("\u{FEFF}\u{FEFF}{ a } \u{FEFF} }", #"Unexpected "}"."#, 1, 11),
    ("{ a(x: \"é\") b(y: \"\\x\") }", #"Invalid character escape sequence: "\x"."#, 1, 19),
])
func lexicalErrorsGiveTheirMessageAndLocation(text: String, message: String, line: Int, column: Int) {
    let error = parseError(text)
    #expect(error?.message == "Syntax Error: " + message)
    #expect(error?.locations == [SourceLocation(line: line, column: column)])
}
