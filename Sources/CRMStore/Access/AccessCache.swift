import Foundation

/// Short-lived cache of resolved sessions and role closures (docs/SECURITY.md: cached briefly, dropped
/// at once on logout, password change or role change; other instances learn of drops by NOTIFY).
actor AccessCache {
    struct Session: Sendable {
        let userId: String
        var expiresAt: Date
    }

    /// A cached value and when it was stored, by the store's clock.
    private struct Entry<Value> {
        let value: Value
        let storedAt: Date
    }

    private let lifetime: TimeInterval
    private let clock: any StoreClock
    private var sessions: [String: Entry<Session>] = [:]
    private var roles: [String: Entry<Set<String>>] = [:]
    private static let maximumEntries = 10_000

    init(lifetime: Duration, clock: any StoreClock) {
        let (seconds, attoseconds) = lifetime.components
        self.lifetime = TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
        self.clock = clock
    }

    func session(tokenHash: String) -> Session? {
        sessions[tokenHash].flatMap(fresh)
    }

    func store(session: Session, tokenHash: String) {
        if sessions.count >= Self.maximumEntries { sessions.removeAll(keepingCapacity: true) }
        sessions[tokenHash] = Entry(value: session, storedAt: clock.now())
    }

    func roles(userId: String) -> Set<String>? {
        roles[userId].flatMap(fresh)
    }

    func store(roles names: Set<String>, userId: String) {
        if roles.count >= Self.maximumEntries { roles.removeAll(keepingCapacity: true) }
        roles[userId] = Entry(value: names, storedAt: clock.now())
    }

    /// The value while its lifetime lasts. The clock is a wall clock: should it be set back
    /// before the time an entry was stored, the entry counts as expired rather than living longer.
    private func fresh<Value>(_ entry: Entry<Value>) -> Value? {
        let now = clock.now()
        return entry.storedAt <= now && now < entry.storedAt.addingTimeInterval(lifetime) ? entry.value : nil
    }

    /// Drops one session.
    func dropSession(tokenHash: String) {
        sessions[tokenHash] = nil
    }

    /// Drops everything cached for these users (their sessions and role closures).
    func dropUsers(_ userIds: [String]) {
        let ids = Set(userIds)
        sessions = sessions.filter { !ids.contains($0.value.value.userId) }
        for id in ids { roles[id] = nil }
    }

    func dropAll() {
        sessions.removeAll()
        roles.removeAll()
    }

    /// Applies an invalidation message: `session:<hash>`, `users:<id>,<id>...` or `all`.
    func apply(invalidation payload: String) {
        if payload.hasPrefix("session:") {
            dropSession(tokenHash: String(payload.dropFirst(8)))
        } else if payload.hasPrefix("users:") {
            dropUsers(payload.dropFirst(6).split(separator: ",").map(String.init))
        } else {
            dropAll()
        }
    }

    /// The invalidation messages for these users, each within NOTIFY's payload limit; `all` when
    /// the list is too long to send.
    static func messages(forUsers userIds: [String]) -> [String] {
        guard !userIds.isEmpty else { return [] }
        let joined = userIds.joined(separator: ",")
        return joined.utf8.count < 7000 ? ["users:" + joined] : ["all"]
    }
}
