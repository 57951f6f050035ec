import DealGraphTesting
import Testing
@testable import PostgresClient

@Suite("The bounded pool")
struct PoolTests {
    @Test("exhaustion waits for a returned connection, then times out with .poolTimeout", .timeLimit(.minutes(1)))
    func exhaustion() async throws {
        try await TestCluster.withPool("pool", maxConnections: 1, acquireTimeout: .milliseconds(1500)) { pool in
            let holder = Task {
                try await pool.withConnection { connection in _ = try await connection.query("SELECT pg_sleep(0.3)") }
            }
            #expect(await waitUntil { pool.statistics.inUse == 1 })
            let started = ContinuousClock.now
            let waited = try await pool.query("SELECT 1")
            #expect(waited[0].int(0) == 1)
            #expect(ContinuousClock.now - started >= .milliseconds(100), "it waited for the holder")
            try await holder.value

            let blocker = Task {
                try await pool.withConnection { connection in _ = try await connection.query("SELECT pg_sleep(30)") }
            }
            #expect(await waitUntil { pool.statistics.inUse == 1 })
            #expect(pool.statistics == PostgresPoolStatistics(open: 1, inUse: 1, idle: 0, waiters: 0))
            let waitStart = ContinuousClock.now
            let error = await #expect(throws: PostgresError.self) { _ = try await pool.query("SELECT 2") }
            #expect(error?.kind == .poolTimeout)
            #expect(error?.description == "database busy: no connection available in time")
            #expect(ContinuousClock.now - waitStart >= .milliseconds(1400))
            blocker.cancel()
            _ = await blocker.result
            #expect(pool.statistics == PostgresPoolStatistics(open: 1, inUse: 0, idle: 1, waiters: 0))
        }
    }

    @Test("statistics count waiters, and many concurrent statements share few connections")
    func concurrency() async throws {
        // 60 statements queue for 3 connections: on a machine loaded by the rest of the suite the
        // last may wait longer than the default 5 s, which is not what this test is about.
        try await TestCluster.withPool("pool", maxConnections: 3, acquireTimeout: .seconds(60)) { pool in
            let before = pool.statementCount
            try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<60 {
                    group.addTask { try await pool.query("SELECT $1::int4 + 1", [.int4(Int32(index))])[0].int(0)! }
                }
                var sum = 0
                for try await value in group { sum += value }
                #expect(sum == (1...60).reduce(0, +))
            }
            #expect(pool.statementCount - before == 60)
            let statistics = pool.statistics
            #expect(statistics.open <= 3 && statistics.inUse == 0 && statistics.waiters == 0)
        }
    }

    @Test("a closed pool refuses work with .poolClosed")
    func closed() async throws {
        try await TestCluster.withPool("pool", maxConnections: 1) { pool in
            _ = try await pool.query("SELECT 1")
            await pool.close()
            let error = await #expect(throws: PostgresError.self) { _ = try await pool.query("SELECT 1") }
            #expect(error?.kind == .poolClosed)
        }
    }

    @Test("ping: one round trip through the pool; .connectionFailed when the server is unreachable")
    func ping() async throws {
        try await TestCluster.withPool("pool", maxConnections: 1) { pool in
            try await pool.ping()
            #expect(pool.statistics == PostgresPoolStatistics(open: 1, inUse: 0, idle: 1, waiters: 0))
            try await withPool(try PostgresConfiguration("postgresql:///x?host=/nonexistent-socket-dir")) { nowhere in
                let error = await #expect(throws: PostgresError.self) { try await nowhere.ping() }
                #expect(error?.kind == .connectionFailed)
            }
        }
    }

    @Test("an unreachable server fails with .connectionFailed, and the slot is freed")
    func unreachable() async throws {
        let nowhere = try PostgresConfiguration("host=/nonexistent/socket/dir port=1 dbname=x", connectTimeout: .seconds(2))
        try await withPool(nowhere, maxConnections: 1) { pool in
            for _ in 0..<2 {
                let error = await #expect(throws: PostgresError.self) { _ = try await pool.query("SELECT 1") }
                #expect(error?.kind == .connectionFailed)
            }
            #expect(pool.statistics.open == 0)
        }
    }
}
