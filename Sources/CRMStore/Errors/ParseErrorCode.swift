/// A Parse error code: the integer the API reports as `extensions.code` (names as in Parse's
/// `ParseError`). `description` is the integer, so messages and logs read as before.
public struct ParseErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public var description: String { String(rawValue) }

    /// 1: not the client's fault; details go to the log only.
    public static let internalServerError = ParseErrorCode(rawValue: 1)
    /// 100: the database could not be reached (or is restarting); the request may be retried.
    public static let connectionFailed = ParseErrorCode(rawValue: 100)
    /// 101: the object does not exist or the caller may not see it; also a failed login.
    public static let objectNotFound = ParseErrorCode(rawValue: 101)
    /// 102: a malformed query (unknown field, unsupported operator, limits exceeded).
    public static let invalidQuery = ParseErrorCode(rawValue: 102)
    /// 103: an invalid or unknown class name.
    public static let invalidClassName = ParseErrorCode(rawValue: 103)
    /// 105: an invalid or unknown field name in a write.
    public static let invalidKeyName = ParseErrorCode(rawValue: 105)
    /// 106: a malformed pointer or a pointer to a missing target.
    public static let invalidPointer = ParseErrorCode(rawValue: 106)
    /// 107: malformed JSON (the class model file).
    public static let invalidJSON = ParseErrorCode(rawValue: 107)
    /// 111: a value of the wrong type for its field, or a missing required field.
    public static let incorrectType = ParseErrorCode(rawValue: 111)
    /// 119: denied by a class-level permission, or a query on a protected field.
    public static let operationForbidden = ParseErrorCode(rawValue: 119)
    /// 123: an ACL naming invalid principals.
    public static let invalidACL = ParseErrorCode(rawValue: 123)
    /// 155: too many subscriptions, or a live subscriber that fell too far behind its events.
    public static let requestLimitExceeded = ParseErrorCode(rawValue: 155)
    /// 125: a malformed email address.
    public static let invalidEmailAddress = ParseErrorCode(rawValue: 125)
    /// 137: a unique constraint violated.
    public static let duplicateValue = ParseErrorCode(rawValue: 137)
    /// 142: a failed validation (here: a stale `ifUpdatedAt`).
    public static let validationError = ParseErrorCode(rawValue: 142)
    /// 200: sign-up or log-in without a username.
    public static let usernameMissing = ParseErrorCode(rawValue: 200)
    /// 201: sign-up or log-in without a password.
    public static let passwordMissing = ParseErrorCode(rawValue: 201)
    /// 202: the username is taken.
    public static let usernameTaken = ParseErrorCode(rawValue: 202)
    /// 203: the email address is taken.
    public static let emailTaken = ParseErrorCode(rawValue: 203)
    /// 206: changing a user without a session.
    public static let sessionMissing = ParseErrorCode(rawValue: 206)
    /// 209: an unknown, revoked or expired session token.
    public static let invalidSessionToken = ParseErrorCode(rawValue: 209)
}
