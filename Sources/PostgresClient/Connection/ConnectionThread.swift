import Foundation

/// A dedicated OS thread that runs every libpq call of one connection.
///
/// Threading choice: libpq's natural API is blocking, and its non-blocking API driven by socket
/// readiness needs an event loop that calls back into libpq several times per statement (send,
/// flush, consume, is-busy, get-result) — more hops and more code for no gain at our pool sizes.
/// So each pooled connection owns one thread (the pool is bounded, so the thread count is too),
/// and a statement costs exactly one hand-off to that thread and one continuation resume back.
/// Blocking libpq calls therefore never run on a NIO event loop or the Swift cooperative pool.
///
/// After finishing a job the thread keeps polling for the next one for a short while before it
/// parks on its condition variable: back-to-back statements of one request then skip the futex
/// wake-up, which is most of the hand-off cost.
final class ConnectionThread: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [() -> Void] = []
    private var stopping = false
    private var parked = false

    init(name: String) {
        let thread = Thread { [self] in self.loop() }
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Runs `body` on the thread and returns its result to the awaiting task.
    func run<T>(_ body: @escaping () -> sending T) async -> sending T {
        await withUnsafeContinuation { (continuation: UnsafeContinuation<T, Never>) in
            submit { continuation.resume(returning: body()) }
        }
    }

    /// Queues `job`; jobs run in submission order.
    func submit(_ job: @escaping () -> Void) {
        condition.lock()
        jobs.append(job)
        let wake = parked
        condition.unlock()
        if wake { condition.signal() }
    }

    /// Ends the thread once the queued jobs have run.
    func stop() {
        condition.lock()
        stopping = true
        condition.unlock()
        condition.signal()
    }

    private func loop() {
        while let job = next() {
            job()
        }
    }

    private func next() -> (() -> Void)? {
        var spins = 0
        condition.lock()
        defer { condition.unlock() }
        while jobs.isEmpty {
            if stopping { return nil }
            if spins < Self.spinLimit {
                spins += 1
                condition.unlock()
                sched_yield()
                condition.lock()
                continue
            }
            parked = true
            condition.wait()
            parked = false
        }
        return jobs.removeFirst()
    }

    /// Polls before parking: about 50-100 µs of yields, the gap between two statements of one request.
    private static let spinLimit = 200
}
