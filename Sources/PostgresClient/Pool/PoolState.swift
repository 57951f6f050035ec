/// A connection moved between tasks by the pool. The pool hands each connection to one task at a
/// time, which is what makes this box safe to send.
struct PooledConnection: @unchecked Sendable {
    let connection: PostgresConnection
}

/// What a waiting task receives: a free connection, or a free slot to open one in.
enum Lease: Sendable {
    case connection(PooledConnection)
    case openSlot
}

/// The pool's bookkeeping, guarded by the pool's mutex.
struct PoolState: ~Copyable {
    struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<Result<Lease, PostgresError>, Never>
        let timeout: Task<Void, Never>?
    }

    var idle: [PooledConnection] = []
    /// Connections open or being opened (slots taken).
    var open = 0
    var inUse = 0
    var waiters: [Waiter] = []
    /// Waiters cancelled before they were registered.
    var cancelledWaiters: Set<Int> = []
    var nextWaiterID = 0
    var closed = false

    /// Hands free connections and free slots to waiters, oldest first. Returns what to resume
    /// outside the lock.
    mutating func serveWaiters(maxConnections: Int) -> [(Waiter, Lease)] {
        var served: [(Waiter, Lease)] = []
        while !waiters.isEmpty {
            if let connection = idle.popLast() {
                inUse += 1
                served.append((waiters.removeFirst(), .connection(connection)))
            } else if open < maxConnections {
                open += 1
                inUse += 1
                served.append((waiters.removeFirst(), .openSlot))
            } else {
                break
            }
        }
        return served
    }

    mutating func removeWaiter(_ id: Int) -> Waiter? {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return nil }
        return waiters.remove(at: index)
    }
}

/// Pool figures at one instant.
public struct PostgresPoolStatistics: Sendable, Equatable {
    /// Connections open or being opened.
    public let open: Int
    /// Connections lent to a task.
    public let inUse: Int
    /// Connections open and free.
    public let idle: Int
    /// Tasks waiting for a connection.
    public let waiters: Int

    public init(open: Int, inUse: Int, idle: Int, waiters: Int) {
        self.open = open
        self.inUse = inUse
        self.idle = idle
        self.waiters = waiters
    }
}
