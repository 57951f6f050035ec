import APICore
import GraphQLEngine

extension GraphQLError {
    /// A Parse error as the GraphQL API reports it: its message, its code in `extensions.code`.
    init(_ error: ParseError) {
        self.init(error.message, extensions: [ErrorExtension("code", .int(error.code.rawValue))])
    }

    /// The client-facing form of any error met while resolving: GraphQL errors pass unchanged,
    /// everything else is mapped (and internal details logged) by ``ParseError/init(_:)``.
    static func resolving(_ error: any Error) -> GraphQLError {
        if let error = error as? GraphQLError { return error }
        return GraphQLError(ParseError(error))
    }
}
