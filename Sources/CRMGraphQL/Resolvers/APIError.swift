import CRMStore
import GraphQLEngine
import Logging

/// The API boundary's error mapping (API.md): a ``StoreError`` becomes a GraphQL error with its
/// Parse message and `extensions.code`; anything unexpected becomes "Internal server error"
/// with code 1, its detail going to the log only.
enum APIError {
    static let logger = Logger(label: "dealgraph.api")

    /// A client error with a Parse code.
    static func parse(_ code: ParseErrorCode, _ message: String) -> GraphQLError {
        GraphQLError(message, extensions: [ErrorExtension("code", .int(code.rawValue))])
    }

    static let objectNotFound = parse(.objectNotFound, "Object not found.")
    static let invalidSessionToken = parse(.invalidSessionToken, "Invalid session token")

    static func invalidQuery(_ message: String) -> GraphQLError { parse(.invalidQuery, message) }
    static func incorrectType(_ message: String) -> GraphQLError { parse(.incorrectType, message) }

    /// The client-facing form of any error met while resolving.
    static func map(_ error: any Error) -> GraphQLError {
        if let error = error as? GraphQLError { return error }
        if let error = error as? StoreError {
            if error.code == .internalServerError {
                logger.error("internal error", metadata: ["detail": "\(error.debugDescription)"])
            }
            return parse(error.code, error.message)
        }
        logger.error("unexpected error", metadata: ["detail": "\(String(reflecting: error))"])
        return parse(.internalServerError, "Internal server error")
    }
}
