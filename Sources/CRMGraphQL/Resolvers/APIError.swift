import CRMStore
import GraphQLEngine
import Logging

/// The API boundary's error mapping (API.md): a ``StoreError`` becomes a GraphQL error with its
/// Parse message and `extensions.code`; anything unexpected becomes "Internal server error"
/// with code 1, its detail going to the log only.
enum APIError {
    static let logger = Logger(label: "dealgraph.api")

    /// A client error with a Parse code.
    static func parse(_ code: Int, _ message: String) -> GraphQLError {
        GraphQLError(message, extensions: [ErrorExtension("code", .int(code))])
    }

    static let objectNotFound = parse(StoreError.Code.objectNotFound, "Object not found.")
    static let invalidSessionToken = parse(StoreError.Code.invalidSessionToken, "Invalid session token")

    static func invalidQuery(_ message: String) -> GraphQLError { parse(StoreError.Code.invalidQuery, message) }
    static func incorrectType(_ message: String) -> GraphQLError { parse(StoreError.Code.incorrectType, message) }

    /// The client-facing form of any error met while resolving.
    static func map(_ error: any Error) -> GraphQLError {
        if let error = error as? GraphQLError { return error }
        if let error = error as? StoreError {
            if error.code == StoreError.Code.internalServerError {
                logger.error("internal error", metadata: ["detail": "\(error.debugDescription)"])
            }
            return parse(error.code, error.message)
        }
        logger.error("unexpected error", metadata: ["detail": "\(String(reflecting: error))"])
        return parse(StoreError.Code.internalServerError, "Internal server error")
    }
}
