import Foundation
import Logging
import Synchronization

/// The pool's one listening connection, shared by every consumer of `PostgresPool.listen`.
///
/// Tasks register consumers here, from any thread. A dedicated thread, started on the first
/// registration and the only one to call libpq for this connection (see `ListenerLoop`), takes
/// the queued registrations (woken through the wake pipe), runs LISTEN and UNLISTEN so that the
/// connection listens to exactly the channels some consumer wants, settles each registration once
/// its LISTEN has completed, and hands every notification to the consumers of its channel.
final class NotificationListener: Sendable {
    let configuration: PostgresConfiguration
    let logger: Logger
    private let state = Mutex(ListenerState())

    init(configuration: PostgresConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Registers a consumer and returns its notifications once LISTEN for all `channels` has
    /// completed on the server, or throws when that does not happen within `bound`.
    func listen(_ channels: [String], within bound: Duration) async throws(PostgresError) -> PostgresNotifications {
        try ChannelName.validate(channels)
        let (stream, continuation) = AsyncStream.makeStream(of: PostgresNotification.self)
        let readiness = ListenReadiness()
        let consumer = ListenerState.Consumer(channels: Set(channels), continuation: continuation, readiness: readiness)
        let registered: (id: Int, wakePipe: WakePipe, isFirst: Bool)
        do throws(PostgresError) {
            registered = try state.withLock { state throws(PostgresError) -> (Int, WakePipe, Bool) in
                guard !state.stopped else { throw .poolClosed }
                if let wakePipe = state.wakePipe { return (state.add(consumer), wakePipe, false) }
                let wakePipe = try WakePipe()
                state.wakePipe = wakePipe
                return (state.add(consumer), wakePipe, true)
            }
        } catch {
            continuation.finish()
            throw error
        }
        continuation.onTermination = { [weak self] _ in self?.remove(registered.id) }
        if registered.isFirst {
            startThread(wakePipe: registered.wakePipe)
        } else {
            registered.wakePipe.wake()
        }
        let timeout = PostgresError(
            kind: .connectionFailed, message: "LISTEN did not become active within \(bound)")
        if case .failure(let error) = await readiness.wait(upTo: bound, timeoutError: timeout) {
            remove(registered.id)
            continuation.finish()
            throw error
        }
        return PostgresNotifications(stream: stream)
    }

    /// Stops the thread and finishes every consumer's stream; later `listen` calls throw `.poolClosed`.
    func stop() {
        let (consumers, wakePipe) = state.withLock { state in (state.stop(), state.wakePipe) }
        for consumer in consumers {
            consumer.readiness.settle(.failure(.poolClosed))
            consumer.continuation.finish()
        }
        wakePipe?.wake()
    }

    /// Consumers registered and not yet terminated.
    var consumerCount: Int { state.withLock { $0.consumers.count } }

    // MARK: called by the listener thread

    var isStopped: Bool { state.withLock { $0.stopped } }

    /// The registrations queued since the last call, and the channels wanted now.
    func takeWork() -> (registrations: [ListenerState.Registration], wanted: Set<String>) {
        state.withLock { state in (state.takePending(), state.wanted) }
    }

    /// Queues registrations again for the next connection.
    func requeue(_ registrations: [ListenerState.Registration]) {
        state.withLock { $0.requeue(registrations) }
    }

    /// Fails the registrations waiting for LISTEN (a connection attempt failed after they were queued).
    func failPending(_ error: PostgresError) {
        for registration in state.withLock({ $0.takePending() }) {
            registration.readiness.settle(.failure(error))
        }
    }

    /// Hands each notification to every consumer of its channel, in the order received.
    func deliver(_ notifications: [PostgresNotification]) {
        let consumers = state.withLock { Array($0.consumers.values) }
        for notification in notifications {
            for consumer in consumers where consumer.channels.contains(notification.channel) {
                consumer.continuation.yield(notification)
            }
        }
    }

    // MARK: private

    private func remove(_ id: Int) {
        let wakePipe = state.withLock { state in state.remove(id) ? state.wakePipe : nil }
        wakePipe?.wake()
    }

    private func startThread(wakePipe: WakePipe) {
        let thread = Thread { [self] in
            var loop = ListenerLoop(listener: self, wakePipe: wakePipe)
            loop.run()
        }
        thread.name = "dealgraph-pg-listen"
        thread.stackSize = 1 << 20
        thread.start()
    }
}
