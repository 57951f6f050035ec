/// What the pool's listener shares between the tasks calling `listen` and its thread, guarded by
/// the listener's mutex.
struct ListenerState: ~Copyable {
    /// One `listen` call's stream and the channels it wants.
    struct Consumer {
        let channels: Set<String>
        let continuation: AsyncStream<PostgresNotification>.Continuation
        let readiness: ListenReadiness
    }

    /// A registration the thread has taken: LISTEN must complete for its channels before it settles.
    struct Registration {
        let id: Int
        let channels: Set<String>
        let readiness: ListenReadiness
    }

    var consumers: [Int: Consumer] = [:]
    /// Consumers whose LISTEN has not run yet, oldest first: the queue of work for the thread.
    var pending: [Int] = []
    var nextID = 0
    /// Created with the thread, on the first `listen`.
    var wakePipe: WakePipe?
    var stopped = false

    /// The channels at least one consumer wants.
    var wanted: Set<String> {
        consumers.values.reduce(into: Set<String>()) { $0.formUnion($1.channels) }
    }

    mutating func add(_ consumer: Consumer) -> Int {
        nextID += 1
        consumers[nextID] = consumer
        pending.append(nextID)
        return nextID
    }

    /// Removes a consumer; false when it was gone already.
    mutating func remove(_ id: Int) -> Bool {
        guard consumers.removeValue(forKey: id) != nil else { return false }
        pending.removeAll { $0 == id }
        return true
    }

    /// Empties the queue, returning the registrations still wanted.
    mutating func takePending() -> [Registration] {
        defer { pending = [] }
        return pending.compactMap { id in
            consumers[id].map { Registration(id: id, channels: $0.channels, readiness: $0.readiness) }
        }
    }

    /// Puts registrations back at the head of the queue (the connection was lost before their
    /// LISTEN completed), unless their consumer is gone meanwhile.
    mutating func requeue(_ registrations: [Registration]) {
        pending = registrations.map(\.id).filter { consumers[$0] != nil } + pending
    }

    /// Marks the listener stopped and hands back every consumer, to be finished outside the lock.
    mutating func stop() -> [Consumer] {
        stopped = true
        pending = []
        defer { consumers = [:] }
        return Array(consumers.values)
    }
}
