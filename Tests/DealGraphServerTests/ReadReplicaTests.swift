import CRMStore
import DealGraphServer
import DealGraphTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import PostgresClient
import Testing

/// Reads on a streaming replica, tested against a real one: a primary started here, a replica
/// cloned from it with pg_basebackup and replaying its WAL. Where a read ran is told by PostgreSQL
/// itself: with the replica's replay paused (`pg_wal_replay_pause()`), a row written on the
/// primary is visible only to reads that ran there.
@Suite("Read replicas", .timeLimit(.minutes(5)))
struct ReadReplicaTests {
    static let sessionHeader = HTTPField.Name("X-Parse-Session-Token")!

    /// A primary and a streaming replica of it, in a folder of their own, with one database; both
    /// servers are stopped and removed when `body` ends.
    static func withReplicatedDatabase(
        _ body: (_ primary: PostgresConfiguration, _ replica: PostgresConfiguration, _ replicaServer: EmbeddedPostgres) async throws -> Void
    ) async throws {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("dealgraph-replica-\(UUID().uuidString.prefix(8))")
        var logger = Logger(label: "dealgraph.replica-test")
        logger.logLevel = .warning
        let primary = EmbeddedPostgres(directory: folder + "/primary", logger: logger, durable: false)
        let replica = EmbeddedPostgres(directory: folder + "/replica", logger: logger, durable: false)
        try await scoped({
            _ = try await primary.start()
            let database = try await primary.createDatabase(prefix: "replicated")
            try await primary.cloneStandby(into: folder + "/replica")
            let replicaServer = try await replica.start()
            try await body(database, replicaServer.withDatabase(database.database!), replica)
        }, close: {
            await replica.stop()
            await primary.stop()
            try? FileManager.default.removeItem(atPath: folder)
        })
    }

    static func dealCount(_ server: TestServer, token: String) async throws -> Int? {
        let response = try await server.graphQL("{ deals { count } }", token: token)
        #expect(response.status == .ok && response.json["errors"] == .null, "\(response.text)")
        return response.json["data"]["deals"]["count"].int
    }

    @Test("reads go to the replica, a user's reads after their write to the primary, a lagging replica leaves rotation, a stopped one fails no read and comes back")
    func routing() async throws {
        try await Self.withReplicatedDatabase { primaryDatabase, replicaDatabase, replicaServer in
            var configuration = try TestGateway.defaultConfiguration()
            configuration.replicas = [replicaDatabase]
            configuration.replicaOptions.maxLag = .seconds(600)
            configuration.replicaOptions.checkInterval = .milliseconds(200)
            // Long enough that a loaded machine still reads within it right after the write.
            configuration.replicaOptions.readYourWritesWindow = .seconds(10)
            let gateway = try await Gateway.open(database: primaryDatabase, configuration: configuration)
            let replicaAdmin = PostgresPool(configuration: replicaDatabase, maxConnections: 1)
            try await scoped({
                let store = gateway.store
                let alice = try await store.signUp(username: "alice", password: "pw-alice-1", email: "alice@example.com")
                let bob = try await store.signUp(username: "bob", password: "pw-bob-1", email: "bob@example.com")
                let bobAccess = try await store.resolveSession(token: bob.sessionToken)
                let everyone = ACL(readers: [.everyone], writers: [.user(bob.user.objectId)])
                // The replica has replayed the users before replay is paused.
                #expect(await waitUntil {
                    (try? await replicaAdmin.query(#"SELECT count(*) FROM "_User""#).first?.int(0)) == 2
                })
                _ = try await replicaAdmin.query("SELECT pg_wal_replay_pause()")

                let server = try await TestServer.start(gateway)
                try await scoped({
                    // Bob's deal is on the primary only.
                    _ = try await store.create(className: "Deal", fields: ["title": .set(.string("Bob's"))], acl: everyone, context: bobAccess)
                    #expect(try await Self.dealCount(server, token: alice.sessionToken) == 0, "alice reads on the replica")
                    let rest = try await server.send(.get, "/parse/classes/Deal", headers: [Self.sessionHeader: alice.sessionToken])
                    #expect(rest.json["results"].array.count == 0, "REST reads on the replica: \(rest.text)")
                    let master = try await server.send(.get, "/parse/classes/Deal",
                                                       headers: [HTTPField.Name("X-Parse-Master-Key")!: configuration.server.keys.masterKey])
                    #expect(master.json["results"].array.count == 1, "the master key reads on the primary: \(master.text)")

                    // Alice writes: her reads go to the primary for the window, then back to the replica.
                    let created = try await server.graphQL(#"mutation { createDeal(input: {fields: {title: "Alice's"}}) { deal { id } } }"#,
                                                           token: alice.sessionToken)
                    #expect(created.json["data"]["createDeal"]["deal"]["id"].string != nil, "\(created.text)")
                    #expect(try await Self.dealCount(server, token: alice.sessionToken) == 2, "read-your-writes on the primary")
                    #expect(await waitUntil(timeout: .seconds(60), every: .milliseconds(250)) {
                        (try? await Self.dealCount(server, token: alice.sessionToken)) == 0
                    }, "after the window, the replica again")

                    // A gateway with a tight lag limit takes the paused replica out of rotation.
                    var tight = configuration
                    tight.replicaOptions.maxLag = .milliseconds(500)
                    let second = try await Gateway.open(database: primaryDatabase, configuration: tight)
                    try await scoped({
                        #expect(await waitUntil { second.store.replicas?.replicas.first?.inRotation == false })
                        let secondServer = try await TestServer.start(second)
                        try await scoped({
                            let count = try await Self.dealCount(secondServer, token: alice.sessionToken)
                            #expect(count == 2, "both deals: read on the primary")
                        }, close: { try await secondServer.stop() })
                        _ = try await replicaAdmin.query("SELECT pg_wal_replay_resume()")
                        #expect(await waitUntil { second.store.replicas?.replicas.first?.inRotation == true }, "back once replay caught up")
                    }, close: { await second.close() })

                    #expect(await waitUntil { (try? await Self.dealCount(server, token: alice.sessionToken)) == 2 })

                    // The replica stops while reads run: none fails; reads move to the primary.
                    let reads = Task {
                        var failures: [String] = []
                        for _ in 0..<60 {
                            let response = try await server.graphQL("{ deals { count } }", token: alice.sessionToken)
                            if response.status != .ok || response.json["data"]["deals"]["count"].int != 2 { failures.append(response.text) }
                        }
                        return failures
                    }
                    await replicaAdmin.close()
                    await replicaServer.stop()
                    #expect(try await reads.value == [], "reads while the replica stopped")
                    #expect(await waitUntil { gateway.store.replicas?.replicas.first?.inRotation == false })
                    #expect(try await Self.dealCount(server, token: alice.sessionToken) == 2)
                    let metrics = try await MetricsTests.samples(try await server.send(
                        .get, "/metrics", headers: [HTTPField.Name("X-Parse-Master-Key")!: configuration.server.keys.masterKey]).text)
                    #expect(metrics[#"dealgraph_replica_in_rotation{replica="0"}"#] == 0, "\(metrics.filter { $0.key.contains("replica") })")

                    // It comes back: into rotation again.
                    _ = try await replicaServer.start()
                    #expect(await waitUntil { gateway.store.replicas?.replicas.first?.inRotation == true }, "back after a restart")
                    #expect(try await Self.dealCount(server, token: alice.sessionToken) == 2)
                }, close: { try await server.stop() })
            }, close: {
                await replicaAdmin.close()
                await gateway.close()
            })
        }
    }
}
