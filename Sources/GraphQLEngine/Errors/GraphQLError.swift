/// The one client-facing error of the engine: syntax, validation and execution errors all take
/// this shape, which is the `errors` entry of a GraphQL response (spec 7.1.2 "Errors").
public struct GraphQLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A description of the error, safe to show to a client.
    public var message: String
    /// Where in the document the error arose; empty when it has no location.
    public var locations: [SourceLocation]
    /// The response path of the field that failed, for execution errors; empty otherwise.
    public var path: [PathComponent]
    /// Extra entries for the `extensions` member, in the order they are written.
    public var extensions: [ErrorExtension]

    /// Creates an error from a message and already resolved locations.
    public init(
        _ message: String,
        locations: [SourceLocation] = [],
        path: [PathComponent] = [],
        extensions: [ErrorExtension] = []
    ) {
        self.message = message
        self.locations = locations
        self.path = path
        self.extensions = extensions
    }

    /// Creates an error located at the start of each node range in `source`.
    public init(
        _ message: String,
        at nodes: [Location],
        in source: Source,
        path: [PathComponent] = [],
        extensions: [ErrorExtension] = []
    ) {
        self.init(
            message,
            locations: nodes.map { source.location(of: $0.start) },
            path: path,
            extensions: extensions
        )
    }

    /// The message followed by the locations, e.g. `Syntax Error: ... (1:3)`.
    public var description: String {
        guard !locations.isEmpty else { return message }
        let places = locations.map { "\($0.line):\($0.column)" }.joined(separator: ", ")
        return "\(message) (\(places))"
    }
}

/// One step of a response path: a response key or a list index.
public enum PathComponent: Sendable, Hashable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let key): key
        case .index(let index): String(index)
        }
    }
}

/// One member of an error's `extensions` object.
public struct ErrorExtension: Sendable, Hashable {
    public var key: String
    public var value: ErrorExtensionValue

    /// Creates a member.
    public init(_ key: String, _ value: ErrorExtensionValue) {
        self.key = key
        self.value = value
    }
}

/// A JSON value inside error `extensions`.
public enum ErrorExtensionValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case list([ErrorExtensionValue])
    case object([ErrorExtension])
}
