import CRMStore
import Foundation
import Synchronization

/// A wall clock that stands still until the test moves it. Starts on a whole second, so times it
/// gives survive the millisecond precision of stored timestamps unchanged.
final class TestClock: StoreClock {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))) {
        current = Mutex(start)
    }

    func now() -> Date {
        current.withLock { $0 }
    }

    func advance(by duration: Duration) {
        let (seconds, attoseconds) = duration.components
        current.withLock { $0 += TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18 }
    }
}
