/// Limits that keep hostile documents from exhausting time or stack.
public struct ParseOptions: Sendable, Hashable {
    /// The most tokens a document may have before parsing stops with a syntax error.
    public var maxTokens: Int
    /// The deepest nesting of selection sets, list/object values and list types.
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
    throw GraphQLError("Syntax Error: the parser is not merged yet.")
}

/// Parses a document from its text.
public func parse(_ text: String, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> DocumentNode {
    try parse(Source(text), options: options)
}
