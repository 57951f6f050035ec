import DealGraphTesting
import Testing
@testable import PostgresClient

@Suite("COPY FROM STDIN through libpq's copy protocol")
struct CopyTests {
    struct Abort: Error {}

    @Test("rows sent in chunks arrive with escapes and NULLs; the row count comes back")
    func copiesRows() async throws {
        try await TestCluster.withPool("copy") { pool in
            _ = try await pool.query("CREATE TABLE items (name text, tags text[], n integer)")
            let copied = try await pool.withConnection { connection in
                try await connection.copyIn("COPY items (name, tags, n) FROM STDIN") { writer in
                    try await writer.send(Array("tab\\there\t{\"a\",\"b c\"}\t1\n".utf8))
                    try await writer.send(Array("back\\\\slash\t\\N\t2\n\\N\t{}\t3\n".utf8))
                }
            }
            #expect(copied == 3)
            let rows = try await pool.query("SELECT name, array_length(tags, 1), n FROM items ORDER BY n")
            #expect(rows.map { $0.string(0) } == ["tab\there", "back\\slash", nil])
            #expect(rows.map { $0.int(1) } == [2, nil, nil])
        }
    }

    @Test("a throwing body aborts the copy: nothing is copied, the connection stays usable")
    func abortsOnThrow() async throws {
        try await TestCluster.withPool("copyabort", maxConnections: 1) { pool in
            _ = try await pool.query("CREATE TABLE items (name text)")
            await #expect(throws: Abort.self) {
                try await pool.withConnection { connection in
                    _ = try await connection.copyIn("COPY items (name) FROM STDIN") { writer in
                        try await writer.send(Array("a\n".utf8))
                        throw Abort()
                    }
                }
            }
            #expect(try await pool.query("SELECT count(*) FROM items").first?.int(0) == 0)
        }
    }

    @Test("bad data and a statement that is no COPY FROM STDIN fail with the server's error")
    func failures() async throws {
        try await TestCluster.withPool("copyfail", maxConnections: 1) { pool in
            _ = try await pool.query("CREATE TABLE items (n integer)")
            try await pool.withConnection { connection in
                let bad = await #expect(throws: PostgresError.self) {
                    try await connection.copyIn("COPY items (n) FROM STDIN") { writer in
                        try await writer.send(Array("1\nnot a number\n".utf8))
                    }
                }
                #expect(bad?.sqlState == "22P02")
                await #expect(throws: PostgresError.self) {
                    try await connection.copyIn("SELECT 1") { _ in }
                }
            }
            #expect(try await pool.query("SELECT count(*) FROM items").first?.int(0) == 0)
        }
    }
}
