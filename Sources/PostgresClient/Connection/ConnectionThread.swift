import Foundation
import Synchronization

/// A dedicated OS thread that runs every libpq call of one connection, and a `TaskExecutor`.
///
/// Threading choice: libpq's natural API is blocking, and its non-blocking API driven by socket
/// readiness needs an event loop that calls back into libpq several times per statement (send,
/// flush, consume, is-busy, get-result), and still wakes one thread when the answer arrives and
/// another to resume the task. So each pooled connection owns one thread (the pool is bounded,
/// so the thread count is too). Blocking libpq calls never run on a NIO event loop or the Swift
/// cooperative pool.
///
/// A statement from a task running elsewhere costs one hand-off to this thread and one resume
/// back. A task that runs on this thread as its executor (what `PostgresPool.withConnection`
/// arranges) calls libpq inline: the thread that waits for the server's answer is the thread
/// that continues the task, the same single wake-up a blocking client such as pgbench pays.
///
/// After finishing a job, while its connection is lent out (``expectsWork``), the thread keeps
/// polling for the next one for a short while before it parks on its condition variable:
/// back-to-back statements handed over by a task running elsewhere then skip the futex wake-up,
/// which is most of the hand-off cost. An idle pooled connection's thread parks at once, so no
/// CPU is spent polling for work that cannot come.
final class ConnectionThread: TaskExecutor, @unchecked Sendable {
    private enum Work {
        case closure(() -> Void)
        case job(UnownedJob)
    }

    private let condition = NSCondition()
    private var queue: [Work] = []
    private var stopping = false
    private var parked = false
    private var exited = false
    private var owner: pthread_t?
    /// Set by the pool while the connection is lent out.
    let expectsWork = Atomic<Bool>(false)

    init(name: String) {
        let started = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            owner = pthread_self()
            started.signal()
            loop()
        }
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
        started.wait()
    }

    /// Whether the caller runs on this thread.
    var isCurrent: Bool {
        guard let owner else { return false }
        return pthread_equal(owner, pthread_self()) != 0
    }

    /// Whether the thread has ended (after `stop`, once its queue ran empty).
    var hasExited: Bool {
        condition.lock()
        defer { condition.unlock() }
        return exited
    }

    /// Runs `body` on the thread and returns its result to the awaiting task; inline when the
    /// task already runs here.
    func run<T>(_ body: @escaping () -> sending T) async -> sending T {
        if isCurrent { return body() }
        return await withUnsafeContinuation { (continuation: UnsafeContinuation<T, Never>) in
            submit(.closure { continuation.resume(returning: body()) })
        }
    }

    /// Queues `job`; jobs run in submission order.
    func submit(_ job: @escaping () -> Void) {
        submit(.closure(job))
    }

    func enqueue(_ job: consuming ExecutorJob) {
        submit(.job(UnownedJob(job)))
    }

    /// Ends the thread once the queued jobs have run.
    func stop() {
        condition.lock()
        stopping = true
        condition.unlock()
        condition.signal()
    }

    private func submit(_ work: Work) {
        condition.lock()
        if exited {
            condition.unlock()
            runElsewhere(work)
            return
        }
        queue.append(work)
        let wake = parked
        condition.unlock()
        if wake { condition.signal() }
    }

    /// Work that arrives after the thread ended (a task that still prefers this executor) runs on
    /// the global pool rather than never.
    private func runElsewhere(_ work: Work) {
        switch work {
        case .closure(let body):
            let box = UncheckedBox(body)
            DispatchQueue.global().async { box.value() }
        case .job(let job): globalConcurrentExecutor.enqueue(ExecutorJob(job))
        }
    }

    private func loop() {
        let executor = asUnownedTaskExecutor()
        while let work = next() {
            switch work {
            case .closure(let body): body()
            case .job(let job): job.runSynchronously(on: executor)
            }
        }
    }

    private func next() -> Work? {
        var spins = 0
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty {
            if stopping {
                exited = true
                return nil
            }
            if spins < Self.spinLimit && expectsWork.load(ordering: .relaxed) {
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
        return queue.removeFirst()
    }

    /// Polls before parking: about 50-100 µs of yields, the gap between two statements of one request.
    private static let spinLimit = 200
}

/// Moves a closure that only ever runs once, on one thread at a time, across an isolation boundary.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
