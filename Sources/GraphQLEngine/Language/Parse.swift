/// Limits that keep hostile documents from exhausting time or stack.
public struct ParseOptions: Sendable, Hashable {
    /// The most tokens a document may have before parsing stops with a syntax error.
    public var maxTokens: Int
    /// The deepest nesting of selection sets, list and object values, and list types.
    public var maxDepth: Int

    /// Creates options; the defaults admit any reasonable hand-written document.
    public init(maxTokens: Int = 100_000, maxDepth: Int = 256) {
        self.maxTokens = maxTokens
        self.maxDepth = maxDepth
    }
}

/// Parses an executable or type-system document.
///
/// Throws a `GraphQLError` whose message starts with "Syntax Error:" and which carries the
/// line and column of the offending token.
public func parse(_ source: Source, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> DocumentNode {
    // The document is assembled out here: passing the source into the parser's closures costs
    // copies of it.
    let definitions = try withParser(source, options) { (parser) throws in try parser.parseDefinitions() }
    return DocumentNode(definitions: definitions, loc: Location(start: 0, end: source.body.utf8.count), source: source)
}

/// Parses a document from its text.
public func parse(_ text: String, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> DocumentNode {
    try parse(Source(text), options: options)
}

/// Parses a single input value such as `{a: [1, 2], b: $var}`, as graphql-js's `parseValue`.
public func parseValue(_ source: Source, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> ValueNode {
    try withParser(source, options) { (parser) throws in
        let value = try parser.parseValue(const: false)
        try parser.expect(.endOfFile)
        return value
    }
}

/// Parses a single type reference such as `[String!]!`, as graphql-js's `parseType`.
public func parseType(_ source: Source, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> TypeNode {
    try withParser(source, options) { (parser) throws in
        let type = try parser.parseType()
        try parser.expect(.endOfFile)
        return type
    }
}

/// Runs `body` with a parser over the bytes of `source`, turning syntax errors into
/// `GraphQLError`s with line and column.
private func withParser<Result>(
    _ source: Source,
    _ options: ParseOptions,
    _ body: (inout Parser) throws -> Result
) throws(GraphQLError) -> Result {
    let count = source.body.utf8.count
    guard count < Int(UInt32.max) else {
        throw GraphQLError("Syntax Error: Document is too large.")
    }
    // `withCString` hands out the UTF-8 bytes followed by a NUL terminator without copying a
    // native string; the lexer relies on that terminator. The result passes out through the
    // closures' return values: wrapping it in a `Result` costs a copy of the whole document.
    do {
        return try source.body.withCString { pointer in
            try pointer.withMemoryRebound(to: UInt8.self, capacity: count + 1) { bytes in
                // A kilobyte is the most the standard library places on the stack without
                // first checking how much stack is left.
                try withUnsafeTemporaryAllocation(byteCount: 1024, alignment: 16) { scratch in
                    var parser = Parser(bytes: bytes, count: count, options: options, scratch: scratch)
                    try parser.start()
                    return try body(&parser)
                }
            }
        }
    } catch {
        // The parser throws only `SyntaxError`; it uses untyped `throws` because typed throws
        // of a multi-word error enlarge every frame of the recursive descent.
        throw (error as? SyntaxError ?? SyntaxError(message: "\(error)", offset: 0)).graphQLError(in: source)
    }
}
