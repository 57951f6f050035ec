import CRMStore

/// Who is asking, resolved once per request by ``CallerResolver``: the access context every
/// store call applies, and the session token it came from (`viewer.sessionToken`, log-out).
public struct Caller: Sendable, Hashable {
    public let access: AccessContext
    /// The `X-Parse-Session-Token` the request came with, when it named a live session (or came
    /// beside the master key).
    public let sessionToken: String?

    public init(access: AccessContext, sessionToken: String? = nil) {
        self.access = access
        self.sessionToken = sessionToken
    }

    /// The master key's caller: bypasses CLPs, ACLs and protectedFields.
    public static let master = Caller(access: .master)
    /// A caller without keys or session.
    public static let anonymous = Caller(access: .anonymous)
}
