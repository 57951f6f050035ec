import CRMStore
import Logging

/// An error as API clients see it, in every transport: a Parse error code and a message that is
/// safe to show (docs/API.md "Errors"). ``init(_:)`` is the one mapping from whatever went wrong to
/// this form: store errors keep their code and message, anything else becomes 1 "Internal
/// server error", and internal details go to the log only, never to the client.
public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public let code: ParseErrorCode
    public let message: String

    public init(_ code: ParseErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The client-facing form of any error; logs the detail of internal ones.
    public init(_ error: any Error) {
        switch error {
        case let error as ParseError:
            self = error
        case let error as StoreError:
            if error.code == .internalServerError {
                Self.logger.error("internal error", metadata: ["detail": "\(error.debugDescription)"])
            } else if error.code == .connectionFailed {
                Self.logger.warning("database unavailable", metadata: ["detail": "\(error.debugDescription)"])
            }
            self.init(error.code, error.message)
        default:
            Self.logger.error("unexpected error", metadata: ["detail": "\(String(reflecting: error))"])
            self = .internalServerError
        }
    }

    public var description: String { "\(message) (code \(code.rawValue))" }

    /// The HTTP status of this error in Parse's REST API: 404 for 101, 500 for 1, 503 for 100
    /// (the database is away: retry), 400 for every other code.
    public var httpStatus: Int {
        switch code {
        case .objectNotFound: 404
        case .internalServerError: 500
        case .connectionFailed: 503
        default: 400
        }
    }

    static let logger = Logger(label: "dealgraph.api")

    public static let internalServerError = ParseError(.internalServerError, "Internal server error")
    public static let databaseUnavailable = ParseError(.connectionFailed, StoreError.unavailableMessage)
    public static let objectNotFound = ParseError(.objectNotFound, "Object not found.")
    public static let invalidSessionToken = ParseError(.invalidSessionToken, "Invalid session token")
    /// A live subscription whose subscriber did not keep up with its events was ended.
    public static let fellBehind = ParseError(.requestLimitExceeded, "The subscription fell too far behind its events and was ended.")

    public static func invalidQuery(_ message: String) -> ParseError { ParseError(.invalidQuery, message) }
    public static func incorrectType(_ message: String) -> ParseError { ParseError(.incorrectType, message) }
    public static func invalidKeyName(_ message: String) -> ParseError { ParseError(.invalidKeyName, message) }
    public static func invalidPointer(_ message: String) -> ParseError { ParseError(.invalidPointer, message) }
    public static func invalidACL() -> ParseError { ParseError(.invalidACL, "Invalid ACL.") }
}
