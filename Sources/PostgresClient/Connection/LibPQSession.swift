import CLibPQ
import Foundation
import Synchronization

/// One libpq connection (`PGconn`) and its per-connection state. Confined to its
/// `ConnectionThread`: every method except `requestCancel` runs on that thread.
final class LibPQSession: @unchecked Sendable {
    let configuration: PostgresConfiguration
    private var connection: OpaquePointer?
    let statements = StatementCache()
    private let cancelState = Mutex<CancelState>(CancelState())
    /// Set when the server announced, while the connection was idle, that it is closing it
    /// (a FATAL error arrives as a notice then: shutdown, pg_terminate_backend, idle timeout).
    private var serverClosing = false

    private struct CancelState: ~Copyable {
        var handle: CancelHandle?
        var running: StatementToken?
    }

    /// libpq's `PGcancel`, which `PQcancel` may use from any thread.
    private struct CancelHandle: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    init(configuration: PostgresConfiguration) {
        self.configuration = configuration
    }

    deinit { disconnect() }

    var rawConnection: OpaquePointer? { connection }

    /// Opens the connection; on failure the error message is scrubbed of the password.
    func connect() throws(PostgresError) {
        disconnect()
        let parameters = configuration.connectionParameters()
        var keywords = parameters.map { strdup($0.keyword) }
        var values = parameters.map { strdup($0.value) }
        keywords.append(nil)
        values.append(nil)
        defer {
            keywords.forEach { free($0) }
            values.forEach { free($0) }
        }
        let opened = keywords.withUnsafeBufferPointer { keywordBuffer in
            values.withUnsafeBufferPointer { valueBuffer in
                keywordBuffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { keys in
                    valueBuffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { vals in
                        PQconnectdbParams(keys.baseAddress, vals.baseAddress, 0)
                    }
                }
            }
        }
        guard let opened, PQstatus(opened) == CONNECTION_OK else {
            let message = opened.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            if let opened { PQfinish(opened) }
            throw PostgresError(kind: .connectionFailed, message: scrub(message))
        }
        serverClosing = false
        PQsetNoticeReceiver(opened, { context, notice in
            guard let context, let notice,
                  let severity = PQresultErrorField(notice, Int32(UInt8(ascii: "V"))) else { return }
            let level = String(cString: severity)
            if level == "FATAL" || level == "PANIC" {
                Unmanaged<LibPQSession>.fromOpaque(context).takeUnretainedValue().serverClosing = true
            }
        }, Unmanaged.passUnretained(self).toOpaque())
        connection = opened
        let handle = PQgetCancel(opened).map(CancelHandle.init)
        cancelState.withLock { $0.handle = handle }
    }

    /// Closes the connection and forgets its prepared statements.
    func disconnect() {
        let handle = cancelState.withLock { state -> CancelHandle? in
            defer { state.handle = nil }
            return state.handle
        }
        if let handle { PQfreeCancel(handle.pointer) }
        if let connection { PQfinish(connection) }
        connection = nil
        statements.removeAll()
    }

    /// Makes sure the connection is usable before a statement. A server restart or a terminated
    /// backend leaves a FATAL message and EOF on the socket, which a zero-timeout poll sees; the
    /// connection is then reopened, unless `reconnect` is false (inside a transaction, where a new
    /// connection would silently lose the transaction).
    func ensureOpen(reconnect: Bool) throws(PostgresError) {
        if isUsable() { return }
        guard reconnect || connection == nil else {
            throw PostgresError(kind: .connectionFailed, message: "the connection was lost inside a transaction")
        }
        try connect()
    }

    /// Reads what arrived while the connection was idle; false when the connection is closed or
    /// closing.
    private func isUsable() -> Bool {
        guard let connection, PQstatus(connection) == CONNECTION_OK else { return false }
        for _ in 0..<3 {
            var descriptor = pollfd(fd: PQsocket(connection), events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) > 0 else { break }
            guard PQconsumeInput(connection) == 1, PQstatus(connection) == CONNECTION_OK else { return false }
            discardNotifications()
        }
        return !serverClosing
    }

    /// Whether the connection is open and idle outside any transaction.
    var isIdleAndHealthy: Bool {
        guard let connection, PQstatus(connection) == CONNECTION_OK else { return false }
        return PQtransactionStatus(connection) == PQTRANS_IDLE
    }

    /// Whether a transaction block is open (or failed) on this connection.
    var isInTransaction: Bool {
        guard let connection else { return false }
        let status = PQtransactionStatus(connection)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    /// Whether a statement failed inside the open transaction block.
    var isInFailedTransaction: Bool {
        guard let connection else { return false }
        return PQtransactionStatus(connection) == PQTRANS_INERROR
    }

    /// Whether the connection is open at the protocol level.
    var isConnected: Bool {
        guard let connection else { return false }
        return PQstatus(connection) == CONNECTION_OK
    }

    private func discardNotifications() {
        while let notification = PQnotifies(connection) { PQfreemem(notification) }
    }

    // MARK: cancellation

    /// Marks `token` as running; false when it was cancelled already (then nothing is sent).
    func begin(_ token: StatementToken?) -> Bool {
        guard let token else { return true }
        cancelState.withLock { $0.running = token }
        return !token.isCancelled
    }

    func end(_ token: StatementToken?) {
        guard token != nil else { return }
        cancelState.withLock { $0.running = nil }
    }

    /// Called from any thread when the task awaiting `token` is cancelled. Sends a cancel request
    /// (PQcancel, which blocks, so from a GCD thread) and repeats it every 50 ms while the same
    /// statement is still running: a request that arrives before the server started the
    /// statement is ignored by the server, and repeating closes that race.
    func requestCancel(_ token: StatementToken) {
        token.cancel()
        DispatchQueue.global().async { [self] in
            while sendCancel(ifRunning: token) {
                usleep(50_000)
            }
        }
    }

    private func sendCancel(ifRunning token: StatementToken) -> Bool {
        cancelState.withLock { state in
            guard state.running === token, let handle = state.handle else { return false }
            var buffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(handle.pointer, &buffer, Int32(buffer.count))
            return true
        }
    }

    // MARK: errors

    /// The connection's last error, classified.
    func connectionError() -> PostgresError {
        let message = connection.map { String(cString: PQerrorMessage($0)) } ?? "not connected"
        return PostgresError(kind: .connectionFailed, message: scrub(message))
    }

    /// Removes the password from a message, in case a library ever echoes it.
    func scrub(_ message: String) -> String {
        var text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        for secret in [configuration.password, ProcessInfo.processInfo.environment["PGPASSWORD"]] {
            if let secret, !secret.isEmpty { text = text.replacingOccurrences(of: secret, with: "***") }
        }
        return text
    }
}
