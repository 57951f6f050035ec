import Foundation

/// Timestamps as stored: millisecond precision (what Parse renders and what round-trips exactly,
/// so `updatedAt` can be compared for optimistic concurrency).
enum Timestamp {
    static func now() -> Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}
