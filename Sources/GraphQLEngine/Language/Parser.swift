/// A recursive-descent parser over the lexer's tokens (spec section 2 grammar), with graphql-js's
/// error messages. Nesting is bounded by `ParseOptions.maxDepth`, so recursion never goes deeper
/// than the caller allowed; the token count by `maxTokens`.
struct Parser {
    var lexer: Lexer
    /// The current token.
    var token: Token
    /// End offset of the previous token: the end of the node being finished.
    var lastEnd = 0
    var tokenCount = 0
    var depth = 0
    let options: ParseOptions
    /// Where lists under construction collect their items.
    var lists = ParserLists()

    /// Creates a parser; `start()` reads the first token.
    init(bytes: UnsafePointer<UInt8>, count: Int, options: ParseOptions) {
        lexer = Lexer(bytes: bytes, count: count)
        self.options = options
        token = Token(kind: .endOfFile, start: 0, end: 0, line: 1, lineStart: 0)
    }

    /// Reads the first token.
    mutating func start() throws {
        try advance()
        lastEnd = 0
    }

    // MARK: Token handling

    /// Moves to the next token, counting it against `maxTokens`.
    @inline(__always)
    mutating func advance() throws {
        lastEnd = token.end
        token = try lexer.next()
        if token.kind != .endOfFile {
            tokenCount += 1
            if tokenCount > options.maxTokens {
                throw SyntaxError(
                    message: "Document contains more than \(options.maxTokens) tokens. Parsing aborted.",
                    offset: token.start)
            }
        }
    }

    /// The token after the current one, without consuming anything.
    func lookahead() throws -> Token {
        var copy = lexer
        return try copy.next()
    }

    /// Consumes a token of `kind` or fails with "Expected ..., found ...".
    @inline(__always)
    mutating func expect(_ kind: TokenKind) throws {
        guard token.kind == kind else {
            throw SyntaxError(message: "Expected \(kind.errorDescription), found \(describe(token)).", offset: token.start)
        }
        try advance()
    }

    /// Consumes a token of `kind` if it is the current one.
    @inline(__always)
    mutating func skip(_ kind: TokenKind) throws -> Bool {
        guard token.kind == kind else { return false }
        try advance()
        return true
    }

    /// Whether `token` is the name `keyword`.
    func isKeyword(_ token: Token, _ keyword: StaticString) -> Bool {
        guard token.kind == .name, token.end - token.start == keyword.utf8CodeUnitCount else { return false }
        let text = keyword.utf8Start
        for index in 0..<keyword.utf8CodeUnitCount where lexer.bytes[token.start + index] != text[index] {
            return false
        }
        return true
    }

    /// Consumes the name `keyword` or fails with `Expected "keyword", found ...`.
    mutating func expectKeyword(_ keyword: StaticString) throws {
        guard isKeyword(token, keyword) else {
            throw SyntaxError(message: "Expected \"\(keyword)\", found \(describe(token)).", offset: token.start)
        }
        try advance()
    }

    /// Consumes the name `keyword` if it is the current token.
    mutating func skipKeyword(_ keyword: StaticString) throws -> Bool {
        guard isKeyword(token, keyword) else { return false }
        try advance()
        return true
    }

    /// The error for an unexpected token: `Unexpected Name "foo".`
    func unexpected(_ token: Token) -> SyntaxError {
        SyntaxError(message: "Unexpected \(describe(token)).", offset: token.start)
    }

    /// A token as graphql-js describes it: its kind and, for value tokens, the value.
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .name, .int, .float:
            "\(token.kind.errorDescription) \"\(text(of: token))\""
        case .string, .blockString:
            "\(token.kind.errorDescription) \"\(lexer.stringValue(of: token))\""
        default:
            token.kind.errorDescription
        }
    }

    /// The source text of a token.
    ///
    /// `String(unsafeUninitializedCapacity:)` builds strings of up to 15 ASCII bytes in place
    /// without a validation pass, several times faster than `String(decoding:as:)`.
    @inline(__always)
    func text(of token: Token) -> String {
        let start = lexer.bytes + token.start
        let length = token.end - token.start
        return String(unsafeUninitializedCapacity: length) { buffer in
            // Names are short: a byte loop beats a call to memcpy.
            for index in 0..<length { buffer[index] = start[index] }
            return length
        }
    }

    /// The location from `start` to the end of the last consumed token.
    @inline(__always)
    func loc(from start: Int) -> Location {
        Location(start: start, end: lastEnd)
    }

    /// Enters one level of nesting, failing beyond `maxDepth`.
    @inline(__always)
    mutating func descend() throws {
        depth += 1
        if depth > options.maxDepth {
            throw SyntaxError(
                message: "Document nesting exceeds the maximum depth of \(options.maxDepth).",
                offset: token.start)
        }
    }

    // MARK: Shared productions

    /// Spec: Name
    mutating func parseName() throws -> NameNode {
        let current = token
        try expect(.name)
        return NameNode(value: text(of: current), loc: Location(start: current.start, end: current.end))
    }

    /// Spec: NamedType : Name
    mutating func parseNamedType() throws -> NamedTypeNode {
        NamedTypeNode(name: try parseName())
    }

    /// Spec: Description : StringValue
    mutating func parseDescription() throws -> StringValueNode? {
        guard token.kind == .string || token.kind == .blockString else { return nil }
        return try parseStringValue()
    }

    /// Spec: Directives[Const] : Directive[?Const]+
    mutating func parseDirectives(const: Bool) throws -> [DirectiveNode] {
        guard token.kind == .at else { return [] }
        let base = lists.directives.count
        while token.kind == .at {
            let start = token.start
            try advance()
            let name = try parseName()
            let arguments = try parseArguments(const: const)
            lists.directives.push(DirectiveNode(name: name, arguments: arguments, loc: loc(from: start)))
        }
        return lists.directives.popArray(from: base)
    }

    /// Spec: Arguments[Const] : ( Argument[?Const]+ ); Argument[Const] : Name : Value[?Const]
    mutating func parseArguments(const: Bool) throws -> [ArgumentNode] {
        guard try skip(.parenL) else { return [] }
        let base = lists.arguments.count
        repeat {
            let start = token.start
            let name = try parseName()
            try expect(.colon)
            let value = try parseValue(const: const)
            lists.arguments.push(ArgumentNode(name: name, value: value, loc: loc(from: start)))
        } while try !skip(.parenR)
        return lists.arguments.popArray(from: base)
    }

    /// Spec: Type : NamedType | ListType | NonNullType
    mutating func parseType() throws -> TypeNode {
        let start = token.start
        var type: TypeNode
        if try skip(.bracketL) {
            try descend()
            let inner = try parseType()
            try expect(.bracketR)
            depth -= 1
            type = .list(inner, loc(from: start))
        } else {
            type = .named(try parseNamedType())
        }
        if try skip(.bang) {
            type = .nonNull(type, loc(from: start))
        }
        return type
    }
}
