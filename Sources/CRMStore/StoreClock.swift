import Foundation

/// The wall clock the store reads: timestamps it writes (`createdAt`, `updatedAt`, session
/// creation and expiry, password changes), session expiry and account lockout checks, and the
/// lifetime of cached sessions and role closures. Set through ``StoreOptions/clock``.
public protocol StoreClock: Sendable {
    /// The current time.
    func now() -> Date
}

/// The system's wall clock (`Date()`).
public struct SystemClock: StoreClock {
    public init() {}

    public func now() -> Date { Date() }
}
