import Foundation

/// Short-lived cache of resolved sessions and role closures (docs/SECURITY.md: cached briefly, dropped
/// at once on logout, password change or role change; other instances learn of drops by NOTIFY).
actor AccessCache {
    struct Session: Sendable {
        let userId: String
        let expiresAt: Date
    }

    private let lifetime: Duration
    private let clock = ContinuousClock()
    private var sessions: [String: (session: Session, until: ContinuousClock.Instant)] = [:]
    private var roles: [String: (names: Set<String>, until: ContinuousClock.Instant)] = [:]
    private static let maximumEntries = 10_000

    init(lifetime: Duration) {
        self.lifetime = lifetime
    }

    func session(tokenHash: String) -> Session? {
        guard let entry = sessions[tokenHash], entry.until > clock.now else { return nil }
        return entry.session
    }

    func store(session: Session, tokenHash: String) {
        if sessions.count >= Self.maximumEntries { sessions.removeAll(keepingCapacity: true) }
        sessions[tokenHash] = (session, clock.now + lifetime)
    }

    func roles(userId: String) -> Set<String>? {
        guard let entry = roles[userId], entry.until > clock.now else { return nil }
        return entry.names
    }

    func store(roles names: Set<String>, userId: String) {
        if roles.count >= Self.maximumEntries { roles.removeAll(keepingCapacity: true) }
        roles[userId] = (names, clock.now + lifetime)
    }

    /// Drops one session.
    func dropSession(tokenHash: String) {
        sessions[tokenHash] = nil
    }

    /// Drops everything cached for these users (their sessions and role closures).
    func dropUsers(_ userIds: [String]) {
        let ids = Set(userIds)
        sessions = sessions.filter { !ids.contains($0.value.session.userId) }
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
