import DealGraphTesting
import Testing
@testable import PostgresClient

@Suite("Cancelling the Swift task cancels the statement on the server")
struct CancellationTests {
    @Test("a cancelled pg_sleep(30) ends within seconds, not 30; the connection is reused clean", .timeLimit(.minutes(1)))
    func cancelSleep() async throws {
        try await TestCluster.withObservedPool("cancel", maxConnections: 1) { pool, observer in
            let backend = try await pool.query("SELECT pg_backend_pid()")[0].int(0)
            let sleeper = Task { try await pool.query("SELECT pg_sleep(30)") }
            #expect(try await waitUntil { try await observer.isRunning("pg_sleep(30)") })
            let cancelledAt = ContinuousClock.now
            sleeper.cancel()
            let outcome = await sleeper.result
            // Typically well under a second; the bound leaves room for a machine busy with the
            // browser tests, and still fails if the statement ran its 30 seconds.
            #expect(ContinuousClock.now - cancelledAt < .seconds(5))
            #expect(throws: PostgresError.self) { try outcome.get() }
            if case .failure(let error as PostgresError) = outcome {
                #expect(error.kind == .cancelled)
                #expect(error.sqlState == "57014")
            }
            #expect(pool.statistics == PostgresPoolStatistics(open: 1, inUse: 0, idle: 1, waiters: 0))
            let after = try await pool.query("SELECT pg_backend_pid(), 1 + 1")
            #expect(after[0].int(0) == backend, "the same connection is reused, not replaced")
            #expect(after[0].int(1) == 2)
        }
    }

    @Test("cancelling inside a transaction rolls it back and leaves the connection usable", .timeLimit(.minutes(1)))
    func cancelInTransaction() async throws {
        try await TestCluster.withObservedPool("cancel", maxConnections: 1) { pool, observer in
            _ = try await pool.query("CREATE TABLE t (v int)")
            let worker = Task {
                try await pool.transaction { connection in
                    _ = try await connection.query("INSERT INTO t VALUES (1)")
                    _ = try await connection.query("SELECT pg_sleep(30)")
                }
            }
            #expect(try await waitUntil { try await observer.isRunning("pg_sleep(30)") })
            worker.cancel()
            await #expect(throws: PostgresError.self) { try await worker.value }
            #expect(try await pool.query("SELECT count(*) FROM t")[0].int(0) == 0)
        }
    }

    @Test("a task cancelled while waiting for a connection stops waiting", .timeLimit(.minutes(1)))
    func cancelWhileWaiting() async throws {
        try await TestCluster.withPool("cancel", maxConnections: 1) { pool in
            let holder = Task { try await pool.query("SELECT pg_sleep(30)") }
            #expect(await waitUntil { pool.statistics.inUse == 1 })
            let waiter = Task { try await pool.query("SELECT 1") }
            #expect(await waitUntil { pool.statistics.waiters == 1 })
            waiter.cancel()
            let error = await #expect(throws: PostgresError.self) { try await waiter.value }
            #expect(error?.kind == .cancelled)
            #expect(pool.statistics.waiters == 0)
            holder.cancel()
            _ = await holder.result
        }
    }

    @Test("an already cancelled task sends nothing")
    func alreadyCancelled() async throws {
        try await TestCluster.withPool("cancel", maxConnections: 1) { pool in
            let before = try await pool.query("SELECT 1")
            #expect(before.count == 1)
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await pool.query("SELECT 1")
            }
            let error = await #expect(throws: PostgresError.self) { _ = try await task.value }
            #expect(error?.kind == .cancelled)
        }
    }
}
