/// A recursive-descent parser over the lexer's tokens (spec section 2 grammar), with graphql-js's
/// error messages. Nesting is bounded by `ParseOptions.maxDepth`, so recursion never goes deeper
/// than the caller allowed; the token count by `maxTokens`.
///
/// A non-mutating method that is not inlined receives a copy of the whole parser, so hot
/// helpers are inlined or take the few values they need. The parser is noncopyable because its
/// node stack is.
struct Parser: ~Copyable {
    var lexer: Lexer
    /// The current token.
    var token = Token(kind: .endOfFile, start: 0, end: 0, line: 1, lineStart: 0)
    /// End offset of the previous token: the end of the node being finished.
    var lastEnd = 0
    var tokenCount = 0
    var depth = 0
    let options: ParseOptions
    /// Where lists under construction collect their items.
    var nodes: NodeStack

    /// Creates a parser whose node stack starts in `scratch`; `start()` reads the first token.
    init(bytes: UnsafePointer<UInt8>, count: Int, options: ParseOptions, scratch: UnsafeMutableRawBufferPointer) {
        lexer = Lexer(bytes: bytes, count: count)
        self.options = options
        nodes = NodeStack(scratch: scratch)
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
        try lexer.advance(into: &token)
        // The end-of-file token is counted too, but it is the last one: only the rare failing
        // branch needs to tell it apart.
        tokenCount &+= 1
        if tokenCount > options.maxTokens && token.kind != .endOfFile { throw tooManyTokens() }
    }

    // The errors raised on hot paths are built out of line by `mutating` methods: those receive
    // the parser by reference, where a non-mutating call copies it into the caller's frame (a
    // larger frame and a stack-protector check in every function that can raise the error).

    @inline(never)
    private mutating func tooManyTokens() -> SyntaxError {
        SyntaxError(
            message: "Document contains more than \(options.maxTokens) tokens. Parsing aborted.",
            offset: token.start)
    }

    /// The token after the current one, without consuming anything.
    func lookahead() throws -> Token {
        var copy = lexer
        return try copy.next()
    }

    /// Consumes a token of `kind` or fails with "Expected ..., found ...".
    @inline(__always)
    mutating func expect(_ kind: TokenKind) throws {
        guard token.kind == kind else { throw expected(kind) }
        try advance()
    }

    /// The error for a missing token: `Expected Name, found "}".`
    @inline(never)
    mutating func expected(_ kind: TokenKind) -> SyntaxError {
        SyntaxError(message: "Expected \(kind.errorDescription), found \(describe(token)).", offset: token.start)
    }

    /// Consumes a token of `kind` if it is the current one.
    @inline(__always)
    mutating func skip(_ kind: TokenKind) throws -> Bool {
        guard token.kind == kind else { return false }
        try advance()
        return true
    }

    /// Whether `token` is the name `keyword`.
    @inline(__always)
    func isKeyword(_ token: Token, _ keyword: StaticString) -> Bool {
        token.spells(keyword, in: lexer.bytes)
    }

    /// Consumes the name `keyword` or fails with `Expected "keyword", found ...`.
    @inline(__always)
    mutating func expectKeyword(_ keyword: StaticString) throws {
        guard isKeyword(token, keyword) else { throw expected(keyword) }
        try advance()
    }

    /// The error for a missing keyword: `Expected "on", found Name "x".`
    @inline(never)
    private mutating func expected(_ keyword: StaticString) -> SyntaxError {
        SyntaxError(message: "Expected \"\(keyword)\", found \(describe(token)).", offset: token.start)
    }

    /// Consumes the name `keyword` if it is the current token.
    @inline(__always)
    mutating func skipKeyword(_ keyword: StaticString) throws -> Bool {
        guard isKeyword(token, keyword) else { return false }
        try advance()
        return true
    }

    /// The error for an unexpected token: `Unexpected Name "foo".`
    @inline(never)
    mutating func unexpected(_ token: Token) -> SyntaxError {
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

    /// The source text of a name or number token.
    @inline(__always)
    func text(of token: Token) -> String {
        lexer.asciiText(of: token)
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
        if depth > options.maxDepth { throw tooDeep() }
    }

    @inline(never)
    private mutating func tooDeep() -> SyntaxError {
        SyntaxError(message: "Document nesting exceeds the maximum depth of \(options.maxDepth).", offset: token.start)
    }

    // MARK: Shared productions

    /// Spec: Name
    mutating func parseName() throws -> NameNode {
        let current = token
        guard current.kind == .name else { throw expected(.name) }
        try advance()
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
    @inline(__always)
    mutating func parseDirectives(const: Bool) throws -> [DirectiveNode] {
        // Most nodes have no directives: test for one before making a call.
        token.kind == .at ? try parseDirectiveList(const: const) : []
    }

    private mutating func parseDirectiveList(const: Bool) throws -> [DirectiveNode] {
        let directives = nodes.open(DirectiveNode.self)
        defer { nodes.discard(directives) }
        while token.kind == .at {
            let start = token.start
            try advance()
            let name = try parseName()
            let arguments = try parseArguments(const: const)
            nodes.push(DirectiveNode(name: name, arguments: arguments, loc: loc(from: start)), onto: directives)
        }
        return nodes.close(directives)
    }

    /// Spec: Arguments[Const] : ( Argument[?Const]+ ); Argument[Const] : Name : Value[?Const]
    @inline(__always)
    mutating func parseArguments(const: Bool) throws -> [ArgumentNode] {
        token.kind == .parenL ? try parseArgumentList(const: const) : []
    }

    private mutating func parseArgumentList(const: Bool) throws -> [ArgumentNode] {
        try advance()
        let arguments = nodes.open(ArgumentNode.self)
        defer { nodes.discard(arguments) }
        repeat {
            let start = token.start
            let name = try parseName()
            try expect(.colon)
            let value = try parseValue(const: const)
            nodes.push(ArgumentNode(name: name, value: value, loc: loc(from: start)), onto: arguments)
        } while try !skip(.parenR)
        return nodes.close(arguments)
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
