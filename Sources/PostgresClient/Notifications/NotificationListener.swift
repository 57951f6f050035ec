import CLibPQ
import Foundation
import Logging
import Synchronization

/// Runs one LISTEN connection on a dedicated thread: waits on the socket with poll(2) (plus a
/// pipe that wakes it for stopping), yields each notification in order, and reconnects with
/// backoff (100 ms doubling to 2 s) after a connection loss.
final class NotificationListener: @unchecked Sendable {
    private let session: LibPQSession
    private let channels: [String]
    private let continuation: AsyncStream<PostgresNotification>.Continuation
    private let logger: Logger
    private let stopped = Atomic<Bool>(false)
    private let wakePipe: (read: Int32, write: Int32)

    init(configuration: PostgresConfiguration, channels: [String],
         continuation: AsyncStream<PostgresNotification>.Continuation, logger: Logger) {
        self.session = LibPQSession(configuration: configuration)
        self.channels = channels
        self.continuation = continuation
        self.logger = logger
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) != 0 { fds = [-1, -1] }
        wakePipe = (fds[0], fds[1])
    }

    deinit {
        close(wakePipe.read)
        close(wakePipe.write)
    }

    func start() {
        let thread = Thread { [self] in
            run()
            continuation.finish()
        }
        thread.name = "dealgraph-pg-listen"
        thread.stackSize = 1 << 20
        thread.start()
    }

    func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        var byte: UInt8 = 1
        _ = write(wakePipe.write, &byte, 1)
    }

    private var isStopped: Bool { stopped.load(ordering: .acquiring) }

    private func run() {
        var backoff: UInt32 = 100_000
        while !isStopped {
            do throws(PostgresError) {
                try session.connect()
                try subscribe()
                backoff = 100_000
                receive()
            } catch {
                logger.debug("LISTEN connection failed", metadata: ["error": "\(error.debugDescription)"])
            }
            session.disconnect()
            guard !isStopped else { break }
            sleepUnlessWoken(microseconds: backoff)
            backoff = min(backoff * 2, 2_000_000)
        }
        session.disconnect()
    }

    private func subscribe() throws(PostgresError) {
        let script = channels.map { "LISTEN \"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }
            .joined(separator: "; ")
        guard !script.isEmpty else { return }
        try session.executeScript(script, token: nil, reconnect: false).get()
    }

    /// Delivers notifications until the connection fails or the listener stops.
    private func receive() {
        guard let connection = session.rawConnection else { return }
        while !isStopped {
            var fds = [pollfd(fd: PQsocket(connection), events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakePipe.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, 1000)
            if ready < 0, errno != EINTR { return }
            if isStopped { return }
            guard PQconsumeInput(connection) == 1, PQstatus(connection) == CONNECTION_OK else { return }
            while let notify = PQnotifies(connection) {
                let notification = PostgresNotification(
                    channel: String(cString: notify.pointee.relname),
                    payload: String(cString: notify.pointee.extra))
                PQfreemem(notify)
                continuation.yield(notification)
            }
        }
    }

    private func sleepUnlessWoken(microseconds: UInt32) {
        var descriptor = pollfd(fd: wakePipe.read, events: Int16(POLLIN), revents: 0)
        _ = poll(&descriptor, 1, Int32(microseconds / 1000))
    }
}
