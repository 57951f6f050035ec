import DealGraphTesting
import Testing
@testable import PostgresClient

@Suite("Transactions: commit on return, rollback on throw, savepoints when nested")
struct TransactionTests {
    struct Abort: Error {}

    /// Runs `body` with a pool on a new database holding an empty table `items`.
    private func withItems(_ body: (PostgresPool) async throws -> Void) async throws {
        try await TestCluster.withPool("transactions") { pool in
            _ = try await pool.query("CREATE TABLE items (name text PRIMARY KEY)")
            try await body(pool)
        }
    }

    @Test("a returning body commits")
    func commit() async throws {
        try await withItems { pool in
            let value = try await pool.transaction { connection in
                _ = try await connection.query("INSERT INTO items VALUES ($1)", [.text("a")])
                return 42
            }
            #expect(value == 42)
            #expect(try await pool.itemNames() == ["a"])
        }
    }

    @Test("a throwing body rolls back and rethrows")
    func rollback() async throws {
        try await withItems { pool throws in
            await #expect(throws: Abort.self) {
                try await pool.transaction { connection in
                    _ = try await connection.query("INSERT INTO items VALUES ($1)", [.text("b")])
                    throw Abort()
                }
            }
            #expect(try await pool.itemNames() == [])
        }
    }

    @Test("a nested transaction rolls back to its savepoint only")
    func savepoint() async throws {
        try await withItems { pool in
            try await pool.transaction { connection in
                _ = try await connection.query("INSERT INTO items VALUES ('outer')")
                await #expect(throws: Abort.self) {
                    try await connection.transaction { inner in
                        _ = try await inner.query("INSERT INTO items VALUES ('inner')")
                        throw Abort()
                    }
                }
                try await connection.transaction { inner in
                    _ = try await inner.query("INSERT INTO items VALUES ('kept')")
                }
            }
            #expect(try await pool.itemNames() == ["kept", "outer"])
        }
    }

    @Test("a server error inside the body rolls back; the error keeps its SQLSTATE and constraint")
    func serverError() async throws {
        try await withItems { pool in
            _ = try await pool.query("INSERT INTO items VALUES ('dup')")
            let error = await #expect(throws: PostgresError.self) {
                try await pool.transaction { connection in
                    _ = try await connection.query("INSERT INTO items VALUES ('new')")
                    _ = try await connection.query("INSERT INTO items VALUES ('dup')")
                }
            }
            #expect(error?.kind == .server)
            #expect(error?.sqlState == "23505")
            #expect(error?.constraint == "items_pkey")
            #expect(error?.description.contains("dup") == false)
            #expect(try await pool.itemNames() == ["dup"])
        }
    }

    @Test("committing after a swallowed statement error fails instead of reporting success")
    func swallowedError() async throws {
        try await withItems { pool throws in
            let error = await #expect(throws: PostgresError.self) {
                try await pool.transaction { connection in
                    _ = try await connection.query("INSERT INTO items VALUES ('lost')")
                    _ = try? await connection.query("SELECT 1/0")
                }
            }
            #expect(error?.sqlState == "25P02")
            #expect(try await pool.itemNames() == [])
        }
    }

    @Test("a transaction left open by withConnection is rolled back before reuse")
    func leftOpen() async throws {
        try await withItems { pool in
            try await withPool(pool.configuration, maxConnections: 1) { single in
                try await single.withConnection { connection in
                    _ = try await connection.query("BEGIN")
                    _ = try await connection.query("INSERT INTO items VALUES ('dangling')")
                }
                let error = await #expect(throws: PostgresError.self) { _ = try await single.query("SAVEPOINT probe") }
                #expect(error?.sqlState == "25P01", "SAVEPOINT outside a transaction block fails")
                #expect(try await single.query("SELECT count(*) FROM items")[0].int(0) == 0)
            }
        }
    }
}

extension PostgresPool {
    /// The names in table `items`, sorted.
    fileprivate func itemNames() async throws -> [String] {
        try await query("SELECT name FROM items ORDER BY name").compactMap { $0.string(0) }
    }
}
