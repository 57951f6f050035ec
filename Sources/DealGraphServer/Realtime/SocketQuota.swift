import Synchronization

/// Open WebSockets per user, both protocols together (`--max-sockets-per-user`): a socket is
/// counted when its user is known (graphql-transport-ws `connection_init`, LiveQuery `connect`
/// with a session token) and refused past the limit, so that one account cannot hold the
/// gateway's sockets. Sockets with the master key or without a session are not counted per user.
final class SocketQuota: Sendable {
    let limit: Int
    private let open = Mutex<[String: Int]>([:])

    init(limit: Int) {
        self.limit = limit
    }

    /// Counts one more socket for `userId`; false (and not counted) when the user holds `limit`.
    func admit(_ userId: String) -> Bool {
        open.withLock { open in
            guard open[userId, default: 0] < limit else { return false }
            open[userId, default: 0] += 1
            return true
        }
    }

    /// The socket of an admitted user ended.
    func release(_ userId: String) {
        open.withLock { open in
            let count = open[userId, default: 0] - 1
            open[userId] = count > 0 ? count : nil
        }
    }

}
