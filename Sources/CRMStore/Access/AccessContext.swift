/// Who is asking: resolved once per request (docs/SECURITY.md "Who is asking").
///
/// - master: the master key; bypasses CLPs, ACLs and protectedFields.
/// - user: a valid session; principals `*`, the user id and `role:<Name>` for every role in the
///   user's role closure.
/// - anonymous: principals `*` only.
public struct AccessContext: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case master
        case user(userId: String, roleNames: Set<String>)
        case anonymous
    }

    public let kind: Kind
    /// SHA-256 of the session token this context came from (kept so a password change can spare
    /// the caller's own session).
    let sessionTokenHash: String?

    public init(kind: Kind) {
        self.init(kind: kind, sessionTokenHash: nil)
    }

    init(kind: Kind, sessionTokenHash: String?) {
        self.kind = kind
        self.sessionTokenHash = sessionTokenHash
    }

    public static let master = AccessContext(kind: .master)
    public static let anonymous = AccessContext(kind: .anonymous)

    /// A logged-in user with the given role closure.
    public static func user(_ userId: String, roles: Set<String> = []) -> AccessContext {
        AccessContext(kind: .user(userId: userId, roleNames: roles))
    }

    public var isMaster: Bool { kind == .master }

    /// The user's objectId, when a user is logged in.
    public var userId: String? {
        if case .user(let id, _) = kind { id } else { nil }
    }

    /// Role names in the user's closure (empty for master and anonymous).
    public var roleNames: Set<String> {
        if case .user(_, let roles) = kind { roles } else { [] }
    }

    /// Typed principals: `*`, the user, each role.
    public var principals: Set<Principal> {
        switch kind {
        case .master, .anonymous: [.everyone]
        case .user(let id, let roles): Set([.everyone, .user(id)] + roles.map(Principal.role))
        }
    }

    /// Principals in Parse's stored form, sorted: the `text[]` bound against `_rperm`/`_wperm`.
    var storedPrincipals: [String] { principals.map(\.stored).sorted() }
}
