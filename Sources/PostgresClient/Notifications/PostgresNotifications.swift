import Synchronization

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
/// them. Backed by a dedicated connection that reconnects and listens again after a connection
/// loss (notifications sent while it is disconnected are not seen). Iterate it once; the listening
/// connection closes when iteration ends or the pool is closed.
public struct PostgresNotifications: AsyncSequence, Sendable {
    public typealias Element = PostgresNotification
    let stream: AsyncStream<PostgresNotification>

    public func makeAsyncIterator() -> AsyncStream<PostgresNotification>.Iterator {
        stream.makeAsyncIterator()
    }
}

extension PostgresPool {
    /// Listens to `channels` on a connection of its own (not taken from the pool's bound).
    public func listen(_ channels: [String]) -> PostgresNotifications {
        let (stream, continuation) = AsyncStream.makeStream(of: PostgresNotification.self)
        let listener = NotificationListener(
            configuration: configuration, channels: channels, continuation: continuation, logger: logger)
        listeners.add(listener)
        continuation.onTermination = { [listeners] _ in
            listener.stop()
            listeners.remove(listener)
        }
        listener.start()
        return PostgresNotifications(stream: stream)
    }
}

/// The pool's running listeners, stopped when the pool closes.
final class ListenerRegistry: Sendable {
    private let listeners = Mutex<[NotificationListener]>([])

    func add(_ listener: NotificationListener) { listeners.withLock { $0.append(listener) } }

    func remove(_ listener: NotificationListener) { listeners.withLock { $0.removeAll { $0 === listener } } }

    func stopAll() {
        let all = listeners.withLock { list in
            defer { list = [] }
            return list
        }
        all.forEach { $0.stop() }
    }
}
