import Synchronization

/// A per-client limit on sign-ups, log-ins, password checks and password resets, in Parse
/// Server's `rateLimit` terms: at most `requests` in each `window` per client address. Parse
/// counts requests to a path; this counts attempts, so a `/batch` of twenty log-ins or a
/// mutation with twenty aliased `logIn` fields is twenty. The master key is not limited.
public struct RateLimit: Sendable, Equatable {
    public var requests: Int
    public var window: Duration

    public init(requests: Int, window: Duration) {
        self.requests = requests
        self.window = window
    }
}

/// Counts attempts per client address in fixed windows (the first attempt of a client opens its
/// window). Memory is bounded: expired windows are dropped once there are many, and if there
/// are still more than `maxClients` every count is dropped. That trade-off lets an attacker with
/// that many addresses in one window reset the counts; the account lockout still holds then.
final class AttemptLimiter: Sendable {
    let limit: RateLimit
    private let maxClients: Int
    private let state: Mutex<State>

    private struct Window {
        var start: ContinuousClock.Instant
        var count: Int
    }

    private struct State {
        var windows: [String: Window] = [:]
        /// Pruning runs when the table grows past this, which then doubles, so its cost stays
        /// proportional to the clients added.
        var pruneAt: Int
    }

    init(limit: RateLimit, maxClients: Int = 100_000) {
        self.limit = limit
        self.maxClients = maxClients
        state = Mutex(State(pruneAt: max(16, maxClients / 10)))
    }

    /// Admits `attempts` for `client` (nil when the transport knows no address: one shared
    /// count), or returns how long until its window ends. Refused attempts are not counted.
    func admit(_ attempts: Int, for client: IPAddress?) -> Duration? {
        guard attempts > 0 else { return nil }
        let key = client?.limitKey ?? "?"
        let now = ContinuousClock.now
        return state.withLock { state -> Duration? in
            var window = state.windows[key].flatMap { now - $0.start < limit.window ? $0 : nil } ?? Window(start: now, count: 0)
            guard window.count + attempts <= limit.requests else { return limit.window - (now - window.start) }
            window.count += attempts
            state.windows[key] = window
            if state.windows.count > state.pruneAt {
                state.windows = state.windows.filter { now - $0.value.start < limit.window }
                if state.windows.count > maxClients { state.windows = [:] }
                state.pruneAt = max(16, maxClients / 10, state.windows.count * 2)
            }
            return nil
        }
    }

    /// Clients with a count (for tests of the bound).
    var clients: Int { state.withLock { $0.windows.count } }
}
