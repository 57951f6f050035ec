import Synchronization

/// Open WebSockets per user, both protocols together (`--max-sockets-per-user`): a socket is
/// counted when its user is known (graphql-transport-ws `connection_init`, LiveQuery `connect`
/// with a session token) and refused past the limit, so that one account cannot hold the
/// gateway's sockets. Sockets with the master key or without a session are not counted per user.
final class SocketQuota: Sendable {
    let limit: Int
    fileprivate let open = Mutex<[String: Int]>([:])

    init(limit: Int) {
        self.limit = limit
    }

    /// One counted socket, held by its connection until the socket ends.
    struct Seat {
        let userId: String
        let quota: SocketQuota

        /// The socket ended: its user holds one socket fewer.
        func release() {
            quota.open.withLock { open in
                let count = open[userId, default: 0] - 1
                open[userId] = count > 0 ? count : nil
            }
        }
    }

    /// Counts one more socket for `userId`; nil (and not counted) when the user holds `limit`.
    func admit(_ userId: String) -> Seat? {
        open.withLock { open in
            guard open[userId, default: 0] < limit else { return nil }
            open[userId, default: 0] += 1
            return Seat(userId: userId, quota: self)
        }
    }

}
