/// The one error type of CRMStore.
///
/// `code` is the Parse error code the API reports (`extensions.code`), `message` is safe to show to
/// clients (it never contains SQL, server internals or secrets). Internal causes are kept for logs
/// only and appear in `debugDescription`.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// Parse error code (101 object not found, 102 invalid query, 111 incorrect type, 119 forbidden, ...).
    public let code: Int
    /// Client-safe message.
    public let message: String
    /// Internal detail for logs (SQL state, server message); never shown to clients.
    public let internalDetail: String?

    public init(code: Int, _ message: String, internalDetail: String? = nil) {
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
    /// Parse error codes used by the store (names as in Parse's `ParseError`).
    public enum Code {
        public static let internalServerError = 1
        public static let objectNotFound = 101
        public static let invalidQuery = 102
        public static let invalidClassName = 103
        public static let invalidKeyName = 105
        public static let invalidPointer = 106
        public static let invalidJSON = 107
        public static let incorrectType = 111
        public static let operationForbidden = 119
        public static let invalidACL = 123
        public static let invalidEmailAddress = 125
        public static let duplicateValue = 137
        public static let validationError = 142
        public static let usernameMissing = 200
        public static let passwordMissing = 201
        public static let usernameTaken = 202
        public static let emailTaken = 203
        public static let sessionMissing = 206
        public static let invalidSessionToken = 209
    }

    static let objectNotFound = StoreError(code: Code.objectNotFound, "Object not found.")
    static let invalidLogin = StoreError(code: Code.objectNotFound, "Invalid username/password.")
    static let invalidSessionToken = StoreError(code: Code.invalidSessionToken, "Invalid session token")

    static func invalidQuery(_ message: String) -> StoreError { StoreError(code: Code.invalidQuery, message) }
    static func incorrectType(_ message: String) -> StoreError { StoreError(code: Code.incorrectType, message) }
    static func forbidden(_ message: String) -> StoreError { StoreError(code: Code.operationForbidden, message) }

    /// Any failure that is not the client's fault: the message is generic, the cause goes to the log.
    static func internalError(_ detail: String) -> StoreError {
        StoreError(code: Code.internalServerError, "Internal server error", internalDetail: detail)
    }

    /// Shortens client-supplied text echoed in messages (field names, values).
    public static func quoted(_ text: String) -> String {
        let clean = text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }
        let trimmed = String(String.UnicodeScalarView(clean.prefix(64)))
        return clean.count > 64 ? trimmed + "..." : trimmed
    }
}
