import DealGraphTesting
import Testing
@testable import PostgresClient

@Suite("Configuration strings, hostile ones included; the password never shows")
struct ConfigurationTests {
    static let secret = "s3cr3t-Pa55"

    @Test("URL and conninfo forms parse", arguments: [
        ("postgres://alice:\(secret)@db.example.com:6543/crm?sslmode=require", "crm"),
        ("postgresql:///crm?host=/var/run/postgresql", "crm"),
        ("host=/tmp dbname='my db' user=bob password=\(secret)", "my db"),
        ("postgresql://localhost", nil),
    ])
    func parses(_ text: String, _ database: String?) throws {
        let configuration = try PostgresConfiguration(text)
        #expect(configuration.database == database)
        #expect(!configuration.description.contains(Self.secret))
        #expect(configuration.withDatabase("other").database == "other")
        #expect(configuration.withDatabase("other").description.contains("dbname=other"))
    }

    @Test("malformed strings fail with .invalidConfiguration and do not echo their input", arguments: [
        "host=/tmp password=\(secret) dbname",
        "'unterminated password=\(secret)",
        "postgres://u:\(secret)@[::1",
        "postgres://u:\(secret)@host/db?nosuchoption=1",
        "nosuchkey=\(secret)",
        "host=x\u{0}password=\(secret)",
        "mysql://root:\(secret)@localhost/db",
        String(repeating: "=", count: 100_000),
    ])
    func malformed(_ text: String) {
        let error = #expect(throws: PostgresError.self) { try PostgresConfiguration(text) }
        #expect(error?.kind == .invalidConfiguration)
        #expect(error.map { !"\($0)".contains(Self.secret) && !$0.debugDescription.contains(Self.secret) } == true)
    }

    @Test("connection failures never include the password", .timeLimit(.minutes(1)), arguments: [
        "postgres://alice:\(secret)@/crm?host=/nonexistent-dir",
        "postgresql://alice:\(secret)@127.0.0.1:1/crm",
        "host=/nonexistent password=\(secret) port=notaport",
    ])
    func connectionFailure(_ text: String) async throws {
        let configuration = try PostgresConfiguration(text, connectTimeout: .seconds(2))
        try await withPool(configuration, maxConnections: 1) { pool in
            let error = await #expect(throws: PostgresError.self) { _ = try await pool.query("SELECT 1") }
            #expect(error?.kind == .connectionFailed)
            #expect(error?.description == "database unavailable")
            #expect(error?.debugDescription.contains(Self.secret) == false)
        }
    }

    @Test("a password that the server echoes is scrubbed from messages")
    func scrubbing() throws {
        let session = LibPQSession(configuration: try PostgresConfiguration("password=\(Self.secret)"))
        #expect(session.scrub("FATAL: bad \(Self.secret)!") == "FATAL: bad ***!")
    }

    @Test("server error descriptions hold no SQL or values")
    func safeDescription() async throws {
        try await TestCluster.withPool("config", maxConnections: 1) { pool in
            let error = await #expect(throws: PostgresError.self) {
                _ = try await pool.query("SELECT $1::int4", [.text("'; DROP TABLE x; --")])
            }
            #expect(error?.kind == .server)
            #expect(error?.sqlState == "22P02")
            #expect(error?.description == "database error (SQLSTATE 22P02)")
        }
    }
}
