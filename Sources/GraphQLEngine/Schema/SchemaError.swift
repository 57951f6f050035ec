/// A schema that could not be built or is not valid: every problem found, each a ``GraphQLError``
/// with its message in graphql-js's wording and, for SDL, the locations in the document.
public struct SchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, in document order where they have one.
    public var errors: [GraphQLError]

    /// A schema error with the given problems.
    public init(_ errors: [GraphQLError]) {
        self.errors = errors
    }

    /// The messages with their locations, separated by blank lines as graphql-js's
    /// `assertValidSDL` joins them.
    public var description: String {
        errors.map(\.description).joined(separator: "\n\n")
    }
}
