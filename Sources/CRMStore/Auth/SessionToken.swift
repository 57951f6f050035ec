import Foundation

/// Session tokens: `r:` + 32 hex characters; the database stores only their SHA-256 (hex), so a
/// leaked table yields no usable token (stricter than Parse).
enum SessionToken {
    static func generate() -> String { RandomIdentifier.sessionToken() }

    static func hash(_ token: String) -> String {
        Hex.sha256(token)
    }

    /// The stored form's shape (a SHA-256 in lowercase hex), as a PostgreSQL regular expression:
    /// a `_Session` token not of this form is one Parse Server kept in clear.
    static let storedFormPattern = "^[0-9a-f]{64}$"

    /// Whether `text` has the stored form (64 lowercase hex characters).
    static func isStoredForm(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }

    /// Shape check before any lookup: `r:` + 32 lowercase hex characters.
    static func isWellFormed(_ token: String) -> Bool {
        let utf8 = Array(token.utf8)
        guard utf8.count == 34, utf8[0] == UInt8(ascii: "r"), utf8[1] == UInt8(ascii: ":") else { return false }
        return utf8[2...].allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }
}

extension CRMStore {
    /// The stored form of a session token (its SHA-256, hex), or nil when the token is not one the
    /// store issues (`r:` + 32 hex characters) and so could never be looked up.
    public static func storedSessionToken(_ token: String) -> String? {
        SessionToken.isWellFormed(token) ? SessionToken.hash(token) : nil
    }

    /// Whether `text` is a token in its stored form (a SHA-256 in hex), as an export carries it.
    public static func isStoredSessionToken(_ text: String) -> Bool { SessionToken.isStoredForm(text) }
}
