import Synchronization

/// Marks one statement call so that a cancellation request reaches that statement only, never a
/// later one that reuses the connection.
final class StatementToken: Sendable {
    private let flag = Atomic<Bool>(false)

    var isCancelled: Bool { flag.load(ordering: .acquiring) }

    func cancel() { flag.store(true, ordering: .releasing) }
}
