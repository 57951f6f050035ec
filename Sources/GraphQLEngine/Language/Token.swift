/// The kinds of lexical tokens (spec 2.1.6 "Lexical Tokens"). Comments, commas and whitespace
/// are ignored tokens and never reach the parser.
enum TokenKind: UInt8, Sendable {
    case endOfFile
    case bang, dollar, amp, parenL, parenR, spread, colon, equals, at, bracketL, bracketR
    case braceL, pipe, braceR
    case name, int, float, string, blockString

    /// The kind as graphql-js names it in syntax errors: punctuators quoted, others by name.
    var errorDescription: String {
        switch self {
        case .endOfFile: "<EOF>"
        case .bang: "\"!\""
        case .dollar: "\"$\""
        case .amp: "\"&\""
        case .parenL: "\"(\""
        case .parenR: "\")\""
        case .spread: "\"...\""
        case .colon: "\":\""
        case .equals: "\"=\""
        case .at: "\"@\""
        case .bracketL: "\"[\""
        case .bracketR: "\"]\""
        case .braceL: "\"{\""
        case .pipe: "\"|\""
        case .braceR: "\"}\""
        case .name: "Name"
        case .int: "Int"
        case .float: "Float"
        case .string: "String"
        case .blockString: "BlockString"
        }
    }
}

/// One lexical token: its kind and byte range, plus the line it starts on.
///
/// A token holds no text; the parser reads names and values from the source bytes only when it
/// builds a node, so lexing allocates nothing.
struct Token: Sendable {
    // 32-bit offsets keep a token in two registers; sources are limited to 4 GiB.
    private var startOffset: UInt32
    private var endOffset: UInt32
    private var lineNumber: UInt32
    private var lineStartOffset: UInt32
    var kind: TokenKind
    /// Set on string tokens that contain a `\` escape, so plain strings skip decoding.
    var hasEscape = false

    init(kind: TokenKind, start: Int, end: Int, line: Int, lineStart: Int) {
        self.kind = kind
        startOffset = UInt32(truncatingIfNeeded: start)
        endOffset = UInt32(truncatingIfNeeded: end)
        lineNumber = UInt32(truncatingIfNeeded: line)
        lineStartOffset = UInt32(truncatingIfNeeded: lineStart)
    }

    /// Byte offset of the first character.
    var start: Int { Int(startOffset) }
    /// Byte offset after the last character.
    var end: Int {
        get { Int(endOffset) }
        set { endOffset = UInt32(truncatingIfNeeded: newValue) }
    }
    /// 1-based line of `start`.
    var line: Int { Int(lineNumber) }

    /// 1-based column of `start`, counted in bytes. `Source.location(of:)` gives the UTF-16
    /// column graphql-js reports; the two differ only after non-ASCII text on the same line.
    var column: Int { Int(startOffset - lineStartOffset) + 1 }

    /// Whether this is the name `keyword` in the source `bytes`.
    ///
    /// Inlined so that the comparison unrolls for the constant keyword at each call site.
    @inline(__always)
    func spells(_ keyword: StaticString, in bytes: UnsafePointer<UInt8>) -> Bool {
        let length = keyword.utf8CodeUnitCount
        guard kind == .name, end &- start == length else { return false }
        let text = keyword.utf8Start
        let name = bytes + start
        for index in 0..<length where name[index] != text[index] { return false }
        return true
    }
}

/// A syntax error as the lexer and parser raise it: a message (without the "Syntax Error: "
/// prefix) and the byte offset it refers to. `parse` turns it into a `GraphQLError`.
struct SyntaxError: Error, Sendable {
    var message: String
    var offset: Int

    func graphQLError(in source: Source) -> GraphQLError {
        GraphQLError("Syntax Error: \(message)", locations: [source.location(of: offset)])
    }
}
