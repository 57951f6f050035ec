/// `operation`'s result if it finishes within `limit`, else nil; the loser of the race is
/// cancelled (a statement still running is then cancelled on the server). For probes that must
/// not hang on an unreachable server: the health check, the replica probe.
public func withinDeadline<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async -> T) async -> T? {
    await withTaskGroup(of: T?.self) { group in
        group.addTask { await operation() }
        group.addTask {
            try? await Task.sleep(for: limit)
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}
