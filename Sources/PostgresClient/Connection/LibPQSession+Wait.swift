import CLibPQ
import Foundation

extension LibPQSession {
    /// `PQexecPrepared`, with the wait for the answer done here: the statement is sent, then the
    /// socket is polled without sleeping for up to `busyPollWindow` before the thread blocks in
    /// `poll`. A short statement on a nearby server answers within that window, and the answer is
    /// then read without the cost of waking a sleeping thread (and, on a virtual machine, a halted
    /// virtual CPU), which is most of a local round trip. The window is bounded and the thread
    /// yields between checks, so other runnable threads lose little; longer statements block as
    /// before. Returns what `PQexecPrepared` would: the last result, nil when nothing could be sent.
    func executePrepared(_ name: String, count: Int32, values: UnsafePointer<UnsafePointer<CChar>?>) -> OpaquePointer? {
        guard let connection = rawConnection,
              PQsendQueryPrepared(connection, name, count, values, nil, nil, 0) == 1 else { return nil }
        waitUntilReadable(connection)
        var last: OpaquePointer?
        while let result = PQgetResult(connection) {
            PQclear(last)
            last = result
            if PQstatus(connection) == CONNECTION_BAD { break }
        }
        return last
    }

    /// Returns once `PQgetResult` will not block, or the connection failed (which `PQgetResult`
    /// then reports).
    private func waitUntilReadable(_ connection: OpaquePointer) {
        let socket = PQsocket(connection)
        let deadline = DispatchTime.now().uptimeNanoseconds + Self.busyPollWindow
        var blocking = false
        while PQisBusy(connection) == 1 {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            if blocking {
                let ready = poll(&descriptor, 1, -1)
                if ready < 0 && errno == EINTR { continue }
                if ready < 0 { return }
            } else if poll(&descriptor, 1, 0) == 0 {
                if DispatchTime.now().uptimeNanoseconds >= deadline { blocking = true }
                sched_yield()
                continue
            }
            if PQconsumeInput(connection) == 0 { return }
        }
    }

    /// 50 µs: a short statement's round trip on a local server.
    private static let busyPollWindow: UInt64 = 50_000
}
