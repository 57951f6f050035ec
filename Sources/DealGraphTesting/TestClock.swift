import CRMStore
import Foundation
import Synchronization

/// A wall clock that stands still until the test moves it: set it as ``StoreOptions/clock``
/// (`configuration.store.clock = clock`) so that session expiry, account lockout and cache
/// lifetimes are tested without waiting in real time. Starts on a whole second, so times it
/// gives survive the millisecond precision of stored timestamps unchanged.
public final class TestClock: StoreClock {
    private let current: Mutex<Date>

    public init(_ start: Date = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))) {
        current = Mutex(start)
    }

    public func now() -> Date {
        current.withLock { $0 }
    }

    /// Moves the clock by `duration` (backwards when it is negative).
    public func advance(by duration: Duration) {
        let (seconds, attoseconds) = duration.components
        current.withLock { $0 += TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18 }
    }
}
