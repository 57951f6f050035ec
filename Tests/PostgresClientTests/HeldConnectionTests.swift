import DealGraphTesting
import Testing
@testable import PostgresClient

@Suite("withConnection runs its body on the connection's own thread")
struct HeldConnectionTests {
    @Test("the body and the code after each statement run on the connection's thread")
    func bodyRunsOnConnectionThread() async throws {
        try await TestCluster.withPool("held") { pool in
            let onThread = try await pool.withConnection { connection in
                let before = connection.thread.isCurrent
                let value = try await connection.query("SELECT $1::int4 + 1", [.int4(41)])[0].int(0)
                let after = connection.thread.isCurrent
                let nested = try await connection.transaction { inner in
                    try await inner.query("SELECT 7")[0].int(0) == 7 && inner.thread.isCurrent
                }
                return before && after && nested && value == 42
            }
            #expect(onThread)
        }
    }

    @Test("child tasks of the body run statements on other pooled connections")
    func childTasksUseThePool() async throws {
        try await TestCluster.withPool("held") { pool in
            let (own, others) = try await pool.withConnection { connection in
                let own = try await connection.query("SELECT pg_backend_pid()")[0].int(0)
                let others = try await withThrowingTaskGroup(of: Int?.self) { group in
                    for index in 0..<6 {
                        group.addTask {
                            let result = try await pool.query("SELECT pg_backend_pid(), $1::int4", [.int4(Int32(index))])
                            return result[0].int(1) == index ? result[0].int(0) : nil
                        }
                    }
                    var pids: [Int?] = []
                    for try await pid in group { pids.append(pid) }
                    return pids
                }
                return (own, others)
            }
            #expect(others.count == 6)
            #expect(others.allSatisfy { $0 != nil && $0 != own }, "the held connection is not lent out again")
        }
    }

    @Test("a statement cancelled inside the body ends within a second; the connection is reused", .timeLimit(.minutes(1)))
    func cancelInsideBody() async throws {
        try await TestCluster.withObservedPool("held") { pool, observer in
            let backend = try await pool.withConnection { try await $0.query("SELECT pg_backend_pid()")[0].int(0) }
            let sleeper = Task {
                try await pool.withConnection { connection in
                    try await connection.query("SELECT pg_sleep(30)")
                }
            }
            #expect(await waitUntil { pool.statistics.inUse == 1 })
            #expect(try await waitUntil { try await observer.isRunning("pg_sleep(30)") })
            let cancelledAt = ContinuousClock.now
            sleeper.cancel()
            let outcome = await sleeper.result
            #expect(ContinuousClock.now - cancelledAt < .seconds(1))
            if case .failure(let error as PostgresError) = outcome {
                #expect(error.kind == .cancelled)
            } else {
                Issue.record("the cancelled statement did not fail: \(outcome)")
            }
            let after = try await pool.withConnection { try await $0.query("SELECT pg_backend_pid()")[0].int(0) }
            #expect(after == backend)
        }
    }

    @Test("a task that still prefers a stopped thread runs elsewhere instead of hanging", .timeLimit(.minutes(1)))
    func stoppedThreadHandsWorkOn() async throws {
        let thread = ConnectionThread(name: "dealgraph-test")
        thread.stop()
        #expect(await waitUntil { thread.hasExited })
        #expect(await thread.run { 3 } == 3)
        let value = await withTaskExecutorPreference(thread) {
            await Task.yield()
            return 5
        }
        #expect(value == 5)
    }
}
