import DealGraphTesting
import Foundation
import Testing
@testable import PostgresClient

/// These tests stop servers, so they use a private server, not the shared one.
@Suite("Broken connections are detected and replaced")
struct OutageTests {
    @Test("a running pool fails fast while its server is stopped and serves again once it is back", .timeLimit(.minutes(2)))
    func restart() async throws {
        let directory = NSTemporaryDirectory() + "dealgraph-outage-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = EmbeddedPostgres(directory: directory, logger: .init(label: "outage"), durable: false)
        let configuration = try await server.start()
        try await scoped({
            try await withPool(configuration, maxConnections: 3, acquireTimeout: .seconds(2)) { pool in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<3 { group.addTask { _ = try await pool.query("SELECT pg_sleep(0.05)") } }
                    try await group.waitForAll()
                }
                #expect(pool.statistics.open == 3)

                await server.stop()
                for _ in 0..<5 {
                    let started = ContinuousClock.now
                    let error = await #expect(throws: PostgresError.self) { _ = try await pool.query("SELECT 1") }
                    #expect(error?.kind == .connectionFailed)
                    #expect(ContinuousClock.now - started < .seconds(3), "fails fast, does not hang")
                }

                _ = try await server.start()
                let result = try await pool.query("SELECT $1::int4", [.int4(7)])
                #expect(result[0].int(0) == 7)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for index in 0..<10 {
                        group.addTask {
                            let value = try await pool.query("SELECT $1::int4", [.int4(Int32(index))])[0].int(0)
                            #expect(value == index)
                        }
                    }
                    try await group.waitForAll()
                }
                #expect(pool.statistics.inUse == 0)
            }
        }, close: { await server.stop() })
    }

    @Test("a terminated backend is replaced before the next statement")
    func terminatedBackend() async throws {
        try await TestCluster.withDatabase("terminate") { database in
            try await database.withPool(maxConnections: 1) { pool in
                let victim = try await pool.query("SELECT pg_backend_pid()")[0].int(0)!
                try await database.withPool(maxConnections: 1) { admin throws in
                    #expect(try await admin.query("SELECT pg_terminate_backend($1::int4)", [.int4(Int32(victim))])[0].bool(0) == true)
                    #expect(try await waitUntil {
                        try await admin.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1::int4", [.int4(Int32(victim))]).isEmpty
                    })
                }
                let replacement = try await pool.query("SELECT pg_backend_pid()")[0].int(0)!
                #expect(replacement != victim)
                #expect(pool.statistics == PostgresPoolStatistics(open: 1, inUse: 0, idle: 1, waiters: 0))
            }
        }
    }

    @Test("a stale postmaster.pid left by a crash is removed and the server starts")
    func stalePidFile() async throws {
        let directory = NSTemporaryDirectory() + "dealgraph-stale-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = EmbeddedPostgres(directory: directory, logger: .init(label: "stale"), durable: false)
        _ = try await first.start()
        await first.stop()
        let dataDirectory = try #require(await first.dataDirectory)
        // A crash leaves postmaster.pid naming a process that no longer runs.
        let stale = "999999\n\(dataDirectory)\n1700000000\n5432\n\(dataDirectory)\n\n  1234  5678\nready\n"
        try stale.write(toFile: dataDirectory + "/postmaster.pid", atomically: true, encoding: .utf8)
        let second = EmbeddedPostgres(directory: directory, logger: .init(label: "stale"), durable: false)
        let configuration = try await second.start()
        try await scoped({
            try await withPool(configuration, maxConnections: 1) { pool throws in
                #expect(try await pool.query("SELECT 1")[0].int(0) == 1)
            }
        }, close: { await second.stop() })
    }
}
