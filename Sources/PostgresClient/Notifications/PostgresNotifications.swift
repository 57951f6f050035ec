/// One NOTIFY received on a listened channel.
public struct PostgresNotification: Sendable, Equatable {
    public let channel: String
    public let payload: String

    public init(channel: String, payload: String) {
        self.channel = channel
        self.payload = payload
    }
}

/// Notifications of the channels given to `PostgresPool.listen`, in the order the server sent
/// them. Fed by the pool's one listening connection, which reconnects and listens again after a
/// connection loss (notifications sent while it is disconnected are not seen). Iterate it once;
/// the consumer is removed when the sequence and its iterator are released or the iterating task
/// is cancelled, and the sequence ends when the pool is closed.
public struct PostgresNotifications: AsyncSequence, Sendable {
    public typealias Element = PostgresNotification
    let stream: AsyncStream<PostgresNotification>

    public func makeAsyncIterator() -> AsyncStream<PostgresNotification>.Iterator {
        stream.makeAsyncIterator()
    }
}

extension PostgresPool {
    /// Listens to `channels` and returns once LISTEN for every one of them is active on the
    /// server: a NOTIFY sent after this returns is delivered, unless the listening connection is
    /// lost in between (then notifications are missed until it has reconnected).
    ///
    /// Every consumer of the pool shares one listening connection of its own (not taken from the
    /// pool's bound), opened by the first call. Channel names must have 1 to 63 bytes and are sent
    /// as quoted identifiers, so any characters work.
    ///
    /// Throws `.connectionFailed` when the listening connection cannot be opened, or when LISTEN
    /// has not completed within the pool's `acquireTimeout`; `.poolClosed` once the pool is closed,
    /// `.cancelled` when the task is cancelled.
    public func listen(_ channels: [String]) async throws(PostgresError) -> PostgresNotifications {
        try await listener.listen(channels, within: acquireTimeout)
    }
}
