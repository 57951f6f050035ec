/// Configuration of a ``CRMStore``.
public struct StoreOptions: Sendable {
    /// Session lifetime (Parse default: one year).
    public var sessionLength: Duration = .seconds(31_536_000)
    /// Parse's `expireInactiveSessions`: a session used is extended to `sessionLength` from its
    /// use, so it ends after that long without use (written at most once per 1% of the length).
    public var expireInactiveSessions = false
    /// Account lockout after failed logins; off by default, as in Parse.
    public var accountLockout: AccountLockout?
    /// What a new password must satisfy (Parse's `passwordPolicy`); none by default.
    public var passwordPolicy: PasswordPolicy?
    /// Server-wide protectedFields, merged (union per key) with each class's CLP protectedFields.
    /// Parse's default hides `_User.email` from everyone but the user and the master key.
    public var protectedFields: [String: [String: [String]]] = ["_User": ["*": ["email"]]]
    /// bcrypt cost for new password hashes.
    public var bcryptCost: UInt8 = 10
    /// How long a resolved session or role closure may be reused (explicit invalidations drop it at once).
    public var accessCacheLifetime: Duration = .seconds(5)
    /// Listen for invalidations (logout, password change, role change) sent by other instances.
    public var listensForInvalidations = true
    /// How reverse connections are loaded (both kept for the benchmark; lateral measured faster).
    public var reverseLoadStrategy: ReverseLoadStrategy = .lateral
    /// How the change feed reads the change log (gap timeout, polling, retention, buffers).
    public var changeFeed = ChangeFeed.Options()
    /// The wall clock for timestamps, session expiry, account lockout and cache lifetimes.
    public var clock: any StoreClock = SystemClock()

    public init() {}

    /// Parse's `passwordPolicy`: a minimum length, a pattern the whole password must match, no
    /// username inside it, and none of the last `history` passwords again (the current one
    /// counted), each refused with 142.
    public struct PasswordPolicy: Sendable {
        public var minimumLength: Int
        /// A regular expression (ICU syntax) the whole password must match.
        public var pattern: String?
        public var doNotAllowUsername: Bool
        /// How many of the user's latest passwords a new one may not repeat (at most 20, as Parse).
        public var history: Int

        public init(minimumLength: Int = 0, pattern: String? = nil, doNotAllowUsername: Bool = false, history: Int = 0) {
            self.minimumLength = minimumLength
            self.pattern = pattern
            self.doNotAllowUsername = doNotAllowUsername
            self.history = min(max(history, 0), 20)
        }
    }

    /// Lock an account for `duration` after `threshold` failed logins.
    public struct AccountLockout: Sendable {
        public var threshold: Int
        public var duration: Duration
        public init(threshold: Int, duration: Duration) {
            self.threshold = threshold
            self.duration = duration
        }
    }
}

/// The SQL shape of a batched reverse-pointer load with a per-parent limit (docs/ARCHITECTURE.md).
public enum ReverseLoadStrategy: Sendable {
    /// `unnest(parents) CROSS JOIN LATERAL (... ORDER BY ... LIMIT n)`.
    case lateral
    /// `row_number() OVER (PARTITION BY pointer ORDER BY ...)` filtered to the page.
    case window
}
