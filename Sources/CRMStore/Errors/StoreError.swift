/// The one error type of CRMStore.
///
/// `code` is the Parse error code the API reports (`extensions.code`), `message` is safe to show to
/// clients (it never contains SQL, server internals or secrets). Internal causes are kept for logs
/// only and appear in `debugDescription`.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// Parse error code (101 object not found, 102 invalid query, 111 incorrect type, 119 forbidden, ...).
    public let code: ParseErrorCode
    /// Client-safe message.
    public let message: String
    /// Internal detail for logs (SQL state, server message); never shown to clients.
    public let internalDetail: String?

    public init(code: ParseErrorCode, _ message: String, internalDetail: String? = nil) {
        self.code = code
        self.message = message
        self.internalDetail = internalDetail
    }

    public var description: String { "\(message) (code \(code))" }
    public var debugDescription: String {
        internalDetail.map { "StoreError \(code): \(message) [\($0)]" } ?? "StoreError \(code): \(message)"
    }

    public static func == (lhs: StoreError, rhs: StoreError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message
    }
}

extension StoreError {
    static let objectNotFound = StoreError(code: .objectNotFound, "Object not found.")
    static let invalidLogin = StoreError(code: .objectNotFound, "Invalid username/password.")
    static let invalidSessionToken = StoreError(code: .invalidSessionToken, "Invalid session token")

    static func invalidQuery(_ message: String) -> StoreError { StoreError(code: .invalidQuery, message) }
    static func incorrectType(_ message: String) -> StoreError { StoreError(code: .incorrectType, message) }
    static func forbidden(_ message: String) -> StoreError { StoreError(code: .operationForbidden, message) }

    /// Any failure that is not the client's fault: the message is generic, the cause goes to the log.
    static func internalError(_ detail: String) -> StoreError {
        StoreError(code: .internalServerError, "Internal server error", internalDetail: detail)
    }

    /// Shortens client-supplied text echoed in messages (field names, values).
    public static func quoted(_ text: String) -> String {
        let clean = text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }
        let trimmed = String(String.UnicodeScalarView(clean.prefix(64)))
        return clean.count > 64 ? trimmed + "..." : trimmed
    }
}
