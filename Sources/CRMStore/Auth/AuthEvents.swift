import Synchronization

/// Counts of failed logins (wrong password or unknown name) and of attempts refused by a
/// lockout, since the store started.
public final class AuthEvents: Sendable {
    private let failures = Atomic<Int>(0)
    private let refusals = Atomic<Int>(0)

    public var failedLogins: Int { failures.load(ordering: .relaxed) }
    public var lockouts: Int { refusals.load(ordering: .relaxed) }

    func failedLogin() { failures.add(1, ordering: .relaxed) }
    func lockedOut() { refusals.add(1, ordering: .relaxed) }
}
