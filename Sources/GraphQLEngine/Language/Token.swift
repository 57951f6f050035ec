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
    var kind: TokenKind
    /// Set on string tokens that contain a `\` escape, so plain strings skip decoding.
    var hasEscape: Bool = false
    /// Byte offset of the first character.
    var start: Int
    /// Byte offset after the last character.
    var end: Int
    /// 1-based line of `start`.
    var line: Int
    /// Byte offset at which that line begins.
    var lineStart: Int

    /// 1-based column of `start`, counted in bytes. `Source.location(of:)` gives the UTF-16
    /// column graphql-js reports; the two differ only after non-ASCII text on the same line.
    var column: Int { start - lineStart + 1 }
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
