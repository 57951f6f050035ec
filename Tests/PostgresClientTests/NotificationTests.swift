import DealGraphTesting
import Testing
@testable import PostgresClient

@Suite("LISTEN/NOTIFY as an AsyncSequence")
struct NotificationTests {
    let pool: PostgresPool

    init() async throws {
        let configuration = try await TestCluster.shared().createDatabase(prefix: "notify")
        pool = PostgresPool(configuration: configuration, maxConnections: 2)
    }

    /// Sends pings until one comes back, so the listener is known to be listening; returns the
    /// iterator positioned after that ping (later pings are skipped by `collect`). Each wait has
    /// pings of its own: a ping still in flight from an earlier wait proves nothing about now.
    private func waitUntilListening(
        _ iterator: inout PostgresNotifications.AsyncIterator, channel: String
    ) async throws {
        let round = "ping-\(UInt64.random(in: 0...UInt64.max))-"
        let pinger = Task {
            var count = 0
            while !Task.isCancelled {
                count += 1
                _ = try? await pool.query("SELECT pg_notify($1, $2)", [.text(channel), .text(round + String(count))])
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
        defer { pinger.cancel() }
        while let notification = await iterator.next() {
            if notification.payload.hasPrefix(round) { return }
        }
        Issue.record("the notification stream ended")
    }

    private func collect(
        _ count: Int, from iterator: inout PostgresNotifications.AsyncIterator
    ) async -> [PostgresNotification] {
        var received: [PostgresNotification] = []
        while received.count < count, let notification = await iterator.next() {
            if !notification.payload.hasPrefix("ping-") { received.append(notification) }
        }
        return received
    }

    private func send(_ payloads: [String], channel: String) async throws {
        for payload in payloads {
            _ = try await pool.query("SELECT pg_notify($1, $2)", [.text(channel), .text(payload)])
        }
    }

    @Test("payloads arrive in order, hostile payloads intact, other channels filtered", .timeLimit(.minutes(1)))
    func ordered() async throws {
        let notifications = pool.listen(["deals", "Odd \"Channel\""])
        var iterator = notifications.makeAsyncIterator()
        try await waitUntilListening(&iterator, channel: "deals")
        let payloads = (0..<100).map { "m\($0)" } + ["", "'; DROP TABLE x; --", "ünï ✓ \"q\" \\"]
        try await send(["ignored"], channel: "other")
        try await send(payloads, channel: "deals")
        try await send(["quoted"], channel: "Odd \"Channel\"")
        let received = await collect(payloads.count + 1, from: &iterator)
        #expect(received.dropLast().map(\.payload) == payloads)
        #expect(received.dropLast().allSatisfy { $0.channel == "deals" })
        #expect(received.last == PostgresNotification(channel: "Odd \"Channel\"", payload: "quoted"))
        await pool.close()
        #expect(await iterator.next() == nil, "closing the pool ends the sequence")
    }

    @Test("after the listening connection is killed, it reconnects and payloads arrive in order again",
          .timeLimit(.minutes(1)))
    func reconnect() async throws {
        var iterator = pool.listen(["feed"]).makeAsyncIterator()
        try await waitUntilListening(&iterator, channel: "feed")
        try await send(["before"], channel: "feed")
        #expect(await collect(1, from: &iterator).map(\.payload) == ["before"])

        let killed = try await pool.query("""
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND query LIKE 'LISTEN%'
            """)
        #expect(killed.count == 1)
        try await waitUntilListening(&iterator, channel: "feed")
        let payloads = (0..<50).map { "after-\($0)" }
        try await send(payloads, channel: "feed")
        #expect(await collect(payloads.count, from: &iterator).map(\.payload) == payloads)
    }
}
