import Foundation

/// Timestamps as stored: millisecond precision (what Parse renders and what round-trips exactly,
/// so `updatedAt` can be compared for optimistic concurrency).
enum Timestamp {
    /// The clock's time, rounded down to the millisecond.
    static func now(_ clock: any StoreClock) -> Date {
        Date(timeIntervalSince1970: (clock.now().timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}
