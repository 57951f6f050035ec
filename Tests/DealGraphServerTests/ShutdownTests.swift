import DealGraphTesting
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostgresClient
import Testing
@testable import DealGraphServer

@Suite("Graceful shutdown")
struct ShutdownTests {
    @Test("a request in flight finishes; new connections are refused from the start of the shutdown")
    func inFlightFinishes() async throws {
        try await TestGateway.run("shutdown") { fixture in
            let server = try await fixture.startServer()
            // Another session holds a lock on Deal, so a count of deals waits in PostgreSQL: a
            // request in flight for as long as the test keeps the lock.
            let locker = PostgresPool(configuration: fixture.database.configuration, maxConnections: 1)
            let (release, releaseSink) = AsyncStream.makeStream(of: Void.self)
            let holder = Task {
                try await locker.transaction { connection in
                    _ = try await connection.query(#"LOCK TABLE "Deal" IN ACCESS EXCLUSIVE MODE"#)
                    for await _ in release { break }
                }
            }
            let inspector = PostgresPool(configuration: fixture.database.configuration, maxConnections: 1)
            #expect(await waitUntil { (try? await Self.locksHeld(inspector)) == true }, "the lock was taken")
            let masterKey = server.configuration.keys.masterKey
            async let slow = server.post(#"{"query":"{ deals { count } }"}"#, headers: [ParseHeader.masterKey: masterKey])
            #expect(await waitUntil { (try? await Self.waitingForLock(inspector)) == true }, "the request reached PostgreSQL")

            let stopping = Task { try await server.stop() }
            #expect(await waitUntil { (try? await server.send(.get, "/health")) == nil }, "new connections are refused")
            releaseSink.yield()
            releaseSink.finish()
            let response = try await slow
            #expect(response.status == .ok)
            #expect(response.json["data"]["deals"]["count"].int == 0)
            try await stopping.value
            try await holder.value
            await locker.close()
            await inspector.close()
        }
    }

    static func locksHeld(_ pool: PostgresPool) async throws -> Bool {
        let result = try await pool.query("""
            SELECT count(*)::int FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
            WHERE c.relname = 'Deal' AND l.mode = 'AccessExclusiveLock' AND l.granted
            """)
        return result.first?.int(0) == 1
    }

    static func waitingForLock(_ pool: PostgresPool) async throws -> Bool {
        let result = try await pool.query("""
            SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
            """)
        return (result.first?.int(0) ?? 0) > 0
    }
}
