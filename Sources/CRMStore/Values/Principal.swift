/// Who an ACL entry or a caller's credential refers to. Typed so that a user id can never be taken
/// for a role (Parse GHSA-8xq9-g7ch-35hg); stored in `_rperm`/`_wperm` in Parse's string form.
public enum Principal: Sendable, Hashable, Comparable {
    /// `*`: everyone, including anonymous callers.
    case everyone
    /// A `_User` objectId.
    case user(String)
    /// A role, by name (`role:<Name>` when stored).
    case role(String)

    /// Parse's string form: `*`, `<userId>`, `role:<Name>`.
    public var stored: String {
        switch self {
        case .everyone: "*"
        case .user(let id): id
        case .role(let name): "role:" + name
        }
    }

    /// Parses Parse's string form strictly: user ids must be objectId-shaped (letters and digits),
    /// role names letters, digits, `_`, `-` and spaces.
    public init?(stored: String) {
        if stored == "*" {
            self = .everyone
        } else if stored.hasPrefix("role:") {
            let name = String(stored.dropFirst(5))
            guard Self.isValidRoleName(name) else { return nil }
            self = .role(name)
        } else {
            guard Self.isObjectId(stored) else { return nil }
            self = .user(stored)
        }
    }

    /// An objectId's shape: 1 to 64 letters and digits (Parse draws 10).
    public static func isObjectId(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count) && id.utf8.allSatisfy { isAlphanumeric($0) }
    }

    /// Role names: letters, digits, `_`, `-` and spaces (as the Parse SDKs require).
    public static func isValidRoleName(_ name: String) -> Bool {
        (1...100).contains(name.utf8.count)
            && name.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: " ") }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}
