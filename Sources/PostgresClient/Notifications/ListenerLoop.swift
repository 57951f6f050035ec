import CLibPQ
import Foundation
import Logging

/// The listener thread's side of `NotificationListener`: owns the libpq connection (every libpq
/// call of the listener runs on this thread), keeps it listening to the channels that consumers
/// want, and after a connection loss reconnects with backoff (100 ms doubling to 2 s) and listens
/// again to every channel still wanted. Notifications sent while it is disconnected are not seen.
struct ListenerLoop: ~Copyable {
    private let listener: NotificationListener
    private let wakePipe: WakePipe
    private let session: LibPQSession
    /// Channels LISTENed on the current connection.
    private var listened: Set<String> = []

    init(listener: NotificationListener, wakePipe: WakePipe) {
        self.listener = listener
        self.wakePipe = wakePipe
        self.session = LibPQSession(configuration: listener.configuration)
    }

    mutating func run() {
        var backoff = Duration.milliseconds(100)
        while !listener.isStopped {
            guard listener.consumerCount > 0 else {
                waitForWake()
                continue
            }
            do throws(PostgresError) {
                try connect()
                try synchronize()
                backoff = .milliseconds(100)
                try receive()
            } catch {
                listener.logger.debug("LISTEN connection failed", metadata: ["error": "\(error.debugDescription)"])
            }
            deliverReceived()
            session.disconnect()
            listened = []
            guard !listener.isStopped else { break }
            pause(for: backoff)
            backoff = min(backoff * 2, .seconds(2))
        }
        session.disconnect()
    }

    /// Opens the connection. When that fails, the registrations waiting fail at once with the
    /// connection error, as statements do while the server is unreachable, rather than waiting
    /// for a retry that is likely to fail too; consumers already listening keep waiting.
    private func connect() throws(PostgresError) {
        do {
            try session.connect()
        } catch {
            listener.failPending(error)
            throw error
        }
    }

    /// Waits on the socket and the wake pipe, delivering notifications and applying registrations,
    /// until the connection fails (throws) or the listener stops (returns).
    private mutating func receive() throws(PostgresError) {
        guard let connection = session.rawConnection else { throw session.connectionError() }
        let socket = PQsocket(connection)
        while true {
            var descriptors = [pollfd(fd: socket, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: wakePipe.readDescriptor, events: Int16(POLLIN), revents: 0)]
            if poll(&descriptors, 2, -1) < 0 {
                if errno == EINTR { continue }
                throw PostgresError(kind: .connectionFailed, message: "poll failed (errno \(errno))")
            }
            if descriptors[1].revents != 0 {
                wakePipe.drain()
                if listener.isStopped { return }
                try synchronize()
            }
            if descriptors[0].revents != 0 {
                guard PQconsumeInput(connection) == 1, PQstatus(connection) == CONNECTION_OK else {
                    throw session.connectionError()
                }
                deliverReceived()
            }
        }
    }

    /// Makes the connection listen to exactly the channels wanted, and settles the registrations
    /// queued since the last call. Every channel of a queued registration gets LISTEN even when
    /// it is listened already (then a no-op for the server): a LISTEN that completes proves the
    /// connection alive now, so a NOTIFY sent after the registration settles is delivered.
    private mutating func synchronize() throws(PostgresError) {
        let (registrations, wanted) = listener.takeWork()
        let channels = registrations.reduce(into: wanted.subtracting(listened)) { $0.formUnion($1.channels) }
        var refused: [String: PostgresError] = [:]
        for channel in channels.sorted() {
            switch execute("LISTEN " + ChannelName.quoted(channel)) {
            case .success:
                listened.insert(channel)
            case .failure(let error) where isConnectionLoss(error):
                listener.requeue(registrations)
                throw error
            case .failure(let error):
                listener.logger.warning("LISTEN refused", metadata: ["error": "\(error.debugDescription)"])
                refused[channel] = error
            }
        }
        for registration in registrations {
            let failure = registration.channels.lazy.compactMap { refused[$0] }.first
            registration.readiness.settle(failure.map { .failure($0) } ?? .success(()))
        }
        // Channels that no consumer wants any more get UNLISTEN rather than being ignored: the
        // server stops sending them, for one round trip when their last consumer goes.
        for channel in listened.subtracting(wanted).sorted() {
            switch execute("UNLISTEN " + ChannelName.quoted(channel)) {
            case .success:
                listened.remove(channel)
            case .failure(let error) where isConnectionLoss(error):
                throw error
            case .failure(let error):
                listener.logger.warning("UNLISTEN failed", metadata: ["error": "\(error.debugDescription)"])
            }
        }
        deliverReceived()
    }

    /// Runs one command directly: `LibPQSession.executeScript` first drains input that arrived
    /// while idle and discards the notifications in it.
    private func execute(_ sql: String) -> Result<Void, PostgresError> {
        guard let connection = session.rawConnection else { return .failure(session.connectionError()) }
        return ResultReader.read(PQexec(connection, sql), session: session, token: nil).map { _ in () }
    }

    /// Whether a failed command means the connection is gone (reconnect) rather than refused.
    private func isConnectionLoss(_ error: PostgresError) -> Bool {
        error.kind != .server || error.sqlState?.hasPrefix("57P") == true || !session.isConnected
    }

    /// Hands the notifications libpq has read so far to the listener, in order.
    private func deliverReceived() {
        guard let connection = session.rawConnection else { return }
        var received: [PostgresNotification] = []
        while let notify = PQnotifies(connection) {
            received.append(PostgresNotification(
                channel: String(cString: notify.pointee.relname), payload: String(cString: notify.pointee.extra)))
            PQfreemem(notify)
        }
        if !received.isEmpty { listener.deliver(received) }
    }

    /// Waits, without a connection, for the first consumer or for stopping.
    private func waitForWake() {
        var descriptor = pollfd(fd: wakePipe.readDescriptor, events: Int16(POLLIN), revents: 0)
        if poll(&descriptor, 1, -1) > 0 { wakePipe.drain() }
    }

    /// Sleeps before the next connection attempt; only stopping cuts it short (registrations
    /// queued meanwhile wait for that attempt).
    private func pause(for duration: Duration) {
        let deadline = ContinuousClock.now + duration
        while !listener.isStopped {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return }
            var descriptor = pollfd(fd: wakePipe.readDescriptor, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, Int32((remaining / .milliseconds(1)).rounded(.up))) > 0 { wakePipe.drain() }
        }
    }
}
