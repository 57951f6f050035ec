import Synchronization

/// The outcome a `listen` call waits for: set once, by the listener thread (LISTEN completed or
/// failed), the caller's timer, the caller's cancellation or the pool's closing, whichever comes
/// first; later outcomes are ignored.
final class ListenReadiness: Sendable {
    private enum State {
        case waiting(CheckedContinuation<Result<Void, PostgresError>, Never>?)
        case settled(Result<Void, PostgresError>)
    }

    private let state = Mutex(State.waiting(nil))

    func settle(_ outcome: Result<Void, PostgresError>) {
        let waiter = state.withLock { state -> CheckedContinuation<Result<Void, PostgresError>, Never>? in
            guard case .waiting(let waiter) = state else { return nil }
            state = .settled(outcome)
            return waiter
        }
        waiter?.resume(returning: outcome)
    }

    /// Waits for the outcome, at most `bound` (then `timeoutError`); cancelling the task settles it
    /// with `.cancelled`.
    func wait(upTo bound: Duration, timeoutError: PostgresError) async -> Result<Void, PostgresError> {
        let timer = Task { [self] in
            try? await Task.sleep(for: bound)
            if !Task.isCancelled { settle(.failure(timeoutError)) }
        }
        defer { timer.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<Void, PostgresError>, Never>) in
                let settled = state.withLock { state -> Result<Void, PostgresError>? in
                    if case .settled(let outcome) = state { return outcome }
                    state = .waiting(continuation)
                    return nil
                }
                if let settled { continuation.resume(returning: settled) }
            }
        } onCancel: {
            settle(.failure(.cancelled))
        }
    }
}
