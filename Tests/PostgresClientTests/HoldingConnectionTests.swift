import DealGraphTesting
import Testing
@testable import PostgresClient

@Suite("holdingConnection: one connection for every statement of a task and its children")
struct HoldingConnectionTests {
    @Test("pool.query inside the body, in child tasks and in tasks started on heldExecutor all run on one backend")
    func oneBackend() async throws {
        try await TestCluster.withPool("holding") { pool in
            let pids: [Int?] = await pool.holdingConnection {
                async let first = try? pool.query("SELECT pg_backend_pid()")[0].int(0)
                async let second = try? pool.query("SELECT pg_backend_pid()")[0].int(0)
                let started = Task(executorPreference: pool.heldExecutor) {
                    try? await pool.query("SELECT pg_backend_pid()")[0].int(0)
                }
                let grouped = await withTaskGroup(of: Int?.self) { group in
                    for index in 0..<8 {
                        group.addTask {
                            let row = try? await pool.query("SELECT pg_backend_pid(), $1::int4", [.int4(Int32(index))])[0]
                            return row?.int(1) == index ? row?.int(0) : nil
                        }
                    }
                    var pids: [Int?] = []
                    for await pid in group { pids.append(pid) }
                    return pids
                }
                return await [first, second, started.value] + grouped
            }
            #expect(pids.count == 11)
            #expect(pids.allSatisfy { $0 != nil })
            #expect(Set(pids.compactMap { $0 }).count == 1, "\(pids)")
            #expect(pool.statistics.inUse == 0, "the held connection went back to the pool")
            #expect(pool.heldExecutor == nil, "outside the body nothing is held")
        }
    }

    @Test("a transaction inside the body takes a connection of its own; nested holding reuses the held one")
    func transactionsAndNesting() async throws {
        try await TestCluster.withPool("holding") { pool in
            let (held, nested, inTransaction) = await pool.holdingConnection {
                let held = try? await pool.query("SELECT pg_backend_pid()")[0].int(0)
                let nested = await pool.holdingConnection { try? await pool.query("SELECT pg_backend_pid()")[0].int(0) }
                let inTransaction = try? await pool.transaction { try await $0.query("SELECT pg_backend_pid()")[0].int(0) }
                return (held, nested, inTransaction)
            }
            #expect(held != nil && nested == held)
            #expect(inTransaction != nil && inTransaction != held)
        }
    }

    @Test("when no connection can be had, the body still runs and its statements fail at once with the pool's error",
          .timeLimit(.minutes(1)))
    func unavailable() async throws {
        try await TestCluster.withPool("holding") { pool in
            await pool.close()
            let started = ContinuousClock.now
            let outcome: Result<PostgresResult, PostgresError> = await pool.holdingConnection {
                do throws(PostgresError) {
                    return .success(try await pool.query("SELECT 1"))
                } catch {
                    return .failure(error)
                }
            }
            #expect(ContinuousClock.now - started < .seconds(2))
            guard case .failure(let error) = outcome else {
                Issue.record("a closed pool answered")
                return
            }
            #expect(error.kind == .poolClosed)
        }
    }

    @Test("a failing statement leaves the held connection usable for the next ones")
    func failureInside() async throws {
        try await TestCluster.withPool("holding") { pool in
            let (failed, after) = await pool.holdingConnection {
                let failed = (try? await pool.query("SELECT 1/0")) == nil
                let after = try? await pool.query("SELECT $1::int4 * 2", [.int4(21)])[0].int(0)
                return (failed, after)
            }
            #expect(failed)
            #expect(after == 42)
            #expect(pool.statistics.inUse == 0)
        }
    }
}

@Suite("Results are decoded when read")
struct LazyResultTests {
    @Test("rows outlive their connection's next statements and are read from other tasks")
    func rowsOutliveTheConnection() async throws {
        try await TestCluster.withPool("lazy", maxConnections: 1) { pool in
            let result = try await pool.query(
                "SELECT i, 'row ' || i, ARRAY['a' || i, NULL], now() FROM generate_series(1, 500) i")
            for _ in 0..<20 { _ = try await pool.query("SELECT repeat('x', 10000)") }
            let checked = await withTaskGroup(of: Bool.self) { group in
                for part in 0..<5 {
                    group.addTask {
                        (part * 100..<(part + 1) * 100).allSatisfy { index in
                            let row = result[index]
                            return row.int(0) == index + 1 && row.string(1) == "row \(index + 1)"
                                && row.stringArray(2) == ["a\(index + 1)", nil] && row.date(3) != nil
                        }
                    }
                }
                var all = true
                for await ok in group { all = all && ok }
                return all
            }
            #expect(checked)
            #expect(result.count == 500)
            #expect(result.columns.map(\.name) == ["i", "?column?", "array", "now"])
        }
    }

    @Test("a cell is read raw as text, and checked for NULL, without decoding")
    func rawText() async throws {
        try await TestCluster.withPool("lazy") { pool in
            let row = try await pool.query("SELECT 42::int8, NULL::text, ARRAY['x']::text[], '{\"a\": 1}'::jsonb")[0]
            #expect(row.text(0) == "42" && row.int(0) == 42)
            #expect(row.isNull(1) && row.text(1) == nil && row[1] == .null)
            #expect(row.text(2) == "{x}")
            #expect(row.text(3) == "{\"a\": 1}")
            #expect(!row.isNull(0))
        }
    }

    @Test("timestamptz cells become Parse's ISO text from their wire text, equal to the text through a Date")
    func isoFromWireText() async throws {
        try await TestCluster.withPool("lazy") { pool in
            let values = [
                "2025-03-31 08:15:00+00", "2025-03-31 08:15:00.5+00", "2025-03-31 08:15:00.05+00",
                "2025-03-31 08:15:00.123+00", "2025-03-31 08:15:00.1234+00", "2025-03-31 08:15:00.999999+00",
                "1999-12-31 23:59:59.9995+00", "0001-01-01 00:00:00+00", "0044-03-15 12:00:00 BC",
                "10000-01-01 00:00:00+00", "infinity", "-infinity", "1969-12-31 23:59:59.999+00",
            ]
            let result = try await pool.query("SELECT unnest($1::text[])::timestamptz", [.textArray(values)])
            #expect(result.count == values.count)
            for row in result {
                guard let date = row.date(0) else {
                    Issue.record("no date in \(String(describing: row.text(0)))")
                    continue
                }
                #expect(row.iso8601(0) == DateText.iso8601(date), "\(String(describing: row.text(0)))")
            }
            let other = try await pool.query("SELECT NULL::timestamptz, 'x'::text")[0]
            #expect(other.iso8601(0) == nil && other.iso8601(1) == nil)
        }
    }
}
