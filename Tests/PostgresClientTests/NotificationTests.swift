import DealGraphTesting
import Foundation
import Testing
@testable import PostgresClient

@Suite("LISTEN/NOTIFY as an AsyncSequence")
struct NotificationTests {
    @Test("payloads arrive in order, hostile payloads and channel names intact, other channels filtered",
          .timeLimit(.minutes(1)))
    func ordered() async throws {
        try await TestCluster.withPool("notify") { pool in
            let notifications = try await pool.listen(["deals", "Odd \"Channel\"", "a\"\"b c'"])
            let payloads = (0..<100).map { "m\($0)" } + ["", "'; DROP TABLE x; --", "ünï ✓ \"q\" \\"]
            try await pool.send(["ignored"], channel: "other")
            try await pool.send(payloads, channel: "deals")
            try await pool.send(["quoted"], channel: "Odd \"Channel\"")
            try await pool.send(["doubled"], channel: "a\"\"b c'")
            let received = await receive(payloads.count + 2, from: notifications)
            #expect(received.prefix(payloads.count).map(\.payload) == payloads)
            #expect(received.prefix(payloads.count).allSatisfy { $0.channel == "deals" })
            #expect(Array(received.suffix(2)) == [PostgresNotification(channel: "Odd \"Channel\"", payload: "quoted"),
                                           PostgresNotification(channel: "a\"\"b c'", payload: "doubled")])
            await pool.close()
            var iterator = notifications.makeAsyncIterator()
            #expect(await iterator.next() == nil, "closing the pool ends the sequence")
        }
    }

    @Test("a NOTIFY sent right after listen returns is delivered, for new and already listened channels",
          .timeLimit(.minutes(1)))
    func readyOnReturn() async throws {
        try await TestCluster.withPool("notify") { pool in
            let anchor = try await pool.listen(["race-shared"])
            for round in 0..<12 {
                // Even rounds: a channel nobody listens to yet (LISTEN runs); odd rounds: a channel the
                // anchor keeps listened. The consumer of the round before goes meanwhile (UNLISTEN).
                let channel = round.isMultiple(of: 2) ? "race-\(round)" : "race-shared"
                let notifications = try await pool.listen([channel])
                try await pool.send(["r\(round)"], channel: channel)
                #expect(await receive(1, from: notifications).map(\.payload) == ["r\(round)"], "round \(round)")
            }
            #expect(await receive(6, from: anchor).map(\.payload) == stride(from: 1, to: 12, by: 2).map { "r\($0)" })
        }
    }

    @Test("consumers get exactly their channels' notifications, in order, from one listening backend",
          .timeLimit(.minutes(1)))
    func fanOut() async throws {
        try await TestCluster.withPool("notify") { pool in
            let first = try await pool.listen(["alpha"])
            let second = try await pool.listen(["alpha"])
            let other = try await pool.listen(["beta"])
            for index in 0..<30 {
                try await pool.send(["a\(index)"], channel: "alpha")
                try await pool.send(["b\(index)"], channel: "beta")
            }
            try await pool.send(["end"], channel: "alpha")
            try await pool.send(["end"], channel: "beta")
            let alpha = (0..<30).map { "a\($0)" } + ["end"]
            let beta = (0..<30).map { "b\($0)" } + ["end"]
            for notifications in [first, second] {
                let received = await receive(from: notifications) { $0.last?.payload == "end" }
                #expect(received.map(\.payload) == alpha)
                #expect(received.allSatisfy { $0.channel == "alpha" })
            }
            let received = await receive(from: other) { $0.last?.payload == "end" }
            #expect(received.map(\.payload) == beta)
            #expect(received.allSatisfy { $0.channel == "beta" })
            #expect(try await pool.listeningBackends().count == 1)
            #expect(pool.listener.consumerCount == 3)
        }
    }

    @Test("a consumer whose iteration ends is removed (its own channel UNLISTENed); the others go on",
          .timeLimit(.minutes(1)))
    func consumerLeaves() async throws {
        try await TestCluster.withPool("notify") { pool in
            let staying = try await pool.listen(["shared"])
            // Each stream is handed straight to its task, so it is released when the task ends.
            let leaving = firstPayload(of: try await pool.listen(["shared", "solo"]))
            let cancelled = drain(try await pool.listen(["shared"]))
            try await pool.send(["1"], channel: "shared")
            #expect(await leaving.value == "1")
            cancelled.cancel()
            await cancelled.value
            #expect(await waitUntil { pool.listener.consumerCount == 1 })
            #expect(try await waitUntil { try await pool.listeningBackends().map { $0.query } == [#"UNLISTEN "solo""#] })
            try await pool.send(["2", "3"], channel: "shared")
            #expect(await receive(3, from: staying).map(\.payload) == ["1", "2", "3"])
        }
    }

    @Test("listen throws within its bound when the server cannot be reached", .timeLimit(.minutes(1)))
    func unreachable() async throws {
        let nowhere = try PostgresConfiguration("postgres://u:s3cret@/x?host=/nonexistent-socket-dir")
        try await withPool(nowhere, acquireTimeout: .seconds(5)) { refused in
            let started = ContinuousClock.now
            let error = await #expect(throws: PostgresError.self) { _ = try await refused.listen(["x"]) }
            #expect(error?.kind == .connectionFailed)
            #expect(error?.message.contains("s3cret") == false)
            #expect(ContinuousClock.now - started < .seconds(5), "a refused connection fails at once")
        }

        // A server that accepts the TCP connection and never answers: libpq would wait for its
        // connect timeout (10 s here); listen gives up after the pool's acquireTimeout.
        let silent = try SilentServer()
        let configuration = try PostgresConfiguration(
            "postgresql://u@127.0.0.1:\(silent.port)/x?sslmode=disable", connectTimeout: .seconds(10))
        try await withPool(configuration, acquireTimeout: .milliseconds(500)) { hanging in
            let started = ContinuousClock.now
            let error = await #expect(throws: PostgresError.self) { _ = try await hanging.listen(["x"]) }
            #expect(error?.kind == .connectionFailed)
            #expect(ContinuousClock.now - started < .seconds(5), "bounded by acquireTimeout, not the connect timeout")
            await hanging.close()
            await #expect(throws: PostgresError.self) { _ = try await hanging.listen(["x"]) }
        }
        withExtendedLifetime(silent) {}
    }

    @Test("channel names the server would refuse or truncate are refused up front", .timeLimit(.minutes(1)))
    func invalidChannelNames() async throws {
        try await TestCluster.withPool("notify") { pool in
            for name in ["", "nul\u{0}byte", String(repeating: "é", count: 32)] {
                await #expect(throws: PostgresError.self) { _ = try await pool.listen([name]) }
            }
            _ = try await pool.listen([String(repeating: "x", count: 63)])
        }
    }

    @Test("after the listening backend is killed, consumers get notifications again; listen works during the outage",
          .timeLimit(.minutes(1)))
    func reconnect() async throws {
        try await TestCluster.withPool("notify") { pool in
            let feed = try await pool.listen(["feed"])
            try await pool.send(["before"], channel: "feed")
            #expect(await receive(1, from: feed).map(\.payload) == ["before"])

            try await pool.killListeningBackend()
            try await pool.waitUntilListening(feed, channel: "feed")
            let payloads = (0..<50).map { "after-\($0)" }
            try await pool.send(payloads, channel: "feed")
            #expect(await receive(payloads.count, from: feed).map(\.payload) == payloads)

            // Killed again, and a new consumer comes before the listener has noticed or reconnected:
            // listen returns once LISTEN is active on the new connection, for all wanted channels.
            try await pool.killListeningBackend()
            let late = try await pool.listen(["late", "feed"])
            try await pool.send(["late-0"], channel: "late")
            try await pool.send(["again"], channel: "feed")
            #expect(await receive(2, from: late).map(\.payload) == ["late-0", "again"])
            #expect(await receive(1, from: feed).map(\.payload) == ["again"])
            #expect(try await pool.listeningBackends().count == 1)
        }
    }

    // MARK: helpers

    private func firstPayload(of notifications: PostgresNotifications) -> Task<String?, Never> {
        Task {
            for await notification in notifications { return notification.payload }
            return nil
        }
    }

    private func drain(_ notifications: PostgresNotifications) -> Task<Void, Never> {
        Task {
            for await _ in notifications {}
        }
    }

    /// The next `count` notifications, pings left out.
    private func receive(_ count: Int, from notifications: PostgresNotifications) async -> [PostgresNotification] {
        await receive(from: notifications) { $0.count == count }
    }

    /// Notifications (pings left out) until `done` holds for those received; what arrived so far
    /// when `bound` passes first (then the iteration is cancelled, which ends the consumer).
    private func receive(
        from notifications: PostgresNotifications, within bound: Duration = .seconds(20),
        until done: @escaping @Sendable ([PostgresNotification]) -> Bool
    ) async -> [PostgresNotification] {
        await withTaskGroup(of: [PostgresNotification]?.self) { group in
            group.addTask {
                var received: [PostgresNotification] = []
                for await notification in notifications where !notification.payload.hasPrefix("ping-") {
                    received.append(notification)
                    if done(received) { break }
                }
                return received
            }
            group.addTask {
                try? await Task.sleep(for: bound)
                return nil
            }
            var received: [PostgresNotification] = []
            while let result = await group.next() {
                if let result {
                    received = result
                    group.cancelAll()
                } else if !group.isEmpty {
                    Issue.record("notifications missing after \(bound)")
                    group.cancelAll()
                }
            }
            return received
        }
    }
}

extension PostgresPool {
    fileprivate func send(_ payloads: [String], channel: String) async throws {
        for payload in payloads {
            _ = try await query("SELECT pg_notify($1, $2)", [.text(channel), .text(payload)])
        }
    }

    /// Sends pings until one comes back, so the listener is known to be listening again. Each
    /// wait has pings of its own: a ping still in flight from an earlier wait proves nothing.
    fileprivate func waitUntilListening(_ notifications: PostgresNotifications, channel: String) async throws {
        let round = "ping-\(UInt64.random(in: 0...UInt64.max))-"
        let pinger = Task {
            var count = 0
            while !Task.isCancelled {
                count += 1
                _ = try? await query("SELECT pg_notify($1, $2)", [.text(channel), .text(round + String(count))])
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
        defer { pinger.cancel() }
        var iterator = notifications.makeAsyncIterator()
        while let notification = await iterator.next() {
            if notification.payload.hasPrefix(round) { return }
        }
        Issue.record("the notification stream ended")
    }

    /// Backends of this database (other than the asking one) whose last statement was LISTEN or
    /// UNLISTEN: the pool's listening connection. The pool's other connections never run those.
    fileprivate func listeningBackends() async throws -> [(pid: Int, query: String)] {
        try await query("""
            SELECT pid, query FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()
              AND (query ILIKE 'LISTEN %' OR query ILIKE 'UNLISTEN %')
            """).map { ($0.int(0) ?? -1, $0.string(1) ?? "") }
    }

    /// Terminates the listening backend and waits until it is gone.
    fileprivate func killListeningBackend() async throws {
        let backends = try await listeningBackends()
        try #require(backends.count == 1)
        let pid = Int32(backends[0].pid)
        _ = try await query("SELECT pg_terminate_backend($1::int4)", [.int4(pid)])
        #expect(try await waitUntil {
            try await query("SELECT 1 FROM pg_stat_activity WHERE pid = $1::int4", [.int4(pid)]).isEmpty
        })
    }
}

/// A TCP port on 127.0.0.1 that accepts connections (the kernel completes the handshake) and
/// never answers, like a server that hangs.
private final class SilentServer {
    let port: Int
    private let descriptor: Int32

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && listen(descriptor, 8) == 0
                    && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard descriptor >= 0, bound else {
            close(descriptor)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }
}
