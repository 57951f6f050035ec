import DealGraphTesting
import Foundation
import Logging
import PostgresClient
import Testing
@testable import CRMStore

/// The change feed: every committed write, with the object before and after, from the change
/// log written in the writing transaction; read in batches by every instance.
@Suite(.timeLimit(.minutes(1))) struct ChangeFeedTests {
    /// Collects changes from `stream` until `enough` holds for them.
    static func collect(_ stream: AsyncStream<[Change]>, until enough: ([Change]) -> Bool) async -> [Change] {
        var seen: [Change] = []
        for await batch in stream {
            seen += batch
            if enough(seen) { break }
        }
        return seen
    }

    @Test("create, update and delete carry the object before and after, ACL included; a long row is one event like any other")
    func statesOfEachWrite() async throws {
        try await TestGateway.run("feed_states") { f in
            let owner = try await f.user("owner")
            let stream = try await f.store.changeFeed.changes()
            let notes = String(repeating: "long notes ", count: 2_000)
            let id = try await f.deal("Watched", amount: 10, extra: ["notes": .set(.string(notes))], as: owner.access)
            _ = try await f.store.update(className: "Deal", objectId: id, fields: ["amount": .increment(5), "stage": .set(.string("won"))],
                                         acl: ACL(readers: [.user(owner.id), .everyone], writers: [.user(owner.id)]), context: owner.access)
            try await f.store.delete(className: "Deal", objectId: id, context: owner.access)
            let changes = await Self.collect(stream) { $0.filter { $0.objectId == id }.count == 3 }.filter { $0.objectId == id }
            #expect(changes.map(\.operation) == [.create, .update, .delete])
            #expect(changes.map(\.className) == ["Deal", "Deal", "Deal"])
            #expect(changes[0].before == nil)
            #expect(changes[0].after?["notes"]?.stringValue?.count == notes.count, "a row far over NOTIFY's 8,000 bytes")
            #expect(changes[0].after?["amount"]?.numberValue == 10)
            #expect(changes[1].before?["amount"]?.numberValue == 10)
            #expect(changes[1].after?["amount"]?.numberValue == 15)
            #expect(changes[1].after?["stage"]?.stringValue == "won")
            #expect(changes[1].before?.acl?.readers.contains(.everyone) == false)
            #expect(changes[1].after?.acl?.readers.contains(.everyone) == true)
            #expect(changes[2].before?["stage"]?.stringValue == "won")
            #expect(changes[2].after == nil)
            #expect(changes[0].sequence < changes[1].sequence && changes[1].sequence < changes[2].sequence)
        }
    }

    @Test("a rolled-back write is no event; nested creates and an atomic batch are one event per row; users carry no secret columns")
    func everyPathAndOnlyCommitted() async throws {
        try await TestGateway.run("feed_paths") { f in
            let owner = try await f.user("owner")
            let stream = try await f.store.changeFeed.changes()
            await #expect(throws: StoreError.self) {
                try await f.store.atomically { () async throws(StoreError) in
                    _ = try await f.store.create(className: "Deal", fields: ["title": .set(.string("Rolled back"))], context: owner.access)
                    _ = try await f.store.create(className: "Deal", fields: ["amount": .set(.number(1))], context: owner.access)
                }
            }
            let nested = try await f.store.create(className: "Deal", fields: [
                "title": .set(.string("Nested")),
                "company": .createAndLink(className: nil, fields: ["name": .set(.string("New Co"))], acl: nil),
            ], context: owner.access)
            try await f.store.atomically { () async throws(StoreError) in
                _ = try await f.store.create(className: "Contact", fields: ["name": .set(.string("In batch"))], context: owner.access)
                _ = try await f.store.update(className: "Deal", objectId: nested.objectId, fields: ["title": .set(.string("Renamed"))],
                                             context: owner.access)
            }
            _ = try await f.store.update(className: "_User", objectId: owner.id, fields: ["password": .set(.string("new-secret"))],
                                         context: owner.access)
            // The owner's sign-up may come first: a consumer gets what the feed reads after it
            // registered, which can include a write committed just before.
            let changes = await Self.collect(stream) { $0.contains { $0.className == "_User" && $0.operation == .update } }
                .filter { !($0.className == "_User" && $0.operation == .create) }
            try #require(changes.map(\.className) == ["Company", "Deal", "Contact", "Deal", "_User"])
            #expect(!changes.contains { $0.after?["title"]?.stringValue == "Rolled back" })
            #expect(changes[3].after?["title"]?.stringValue == "Renamed")
            let raw = try await f.pool.query(#"SELECT "before"::text || "after"::text FROM "_dealgraph_changes" WHERE "className" = '_User'"#)
            let text = raw.compactMap { $0.string(0) }.joined()
            #expect(!text.isEmpty)
            #expect(!text.contains("_hashed_password") && !text.contains("$2"), "no password hash in the log")
        }
    }

    @Test("a write through one instance reaches another instance's feed; a consumer resumes from its position")
    func acrossInstancesAndResume() async throws {
        try await TestGateway.run("feed_instances") { f in
            let owner = try await f.user("owner")
            let otherPool = PostgresPool(configuration: f.database.configuration, maxConnections: 2, logger: Logger(label: "other"))
            let other = try await CRMStore(pool: otherPool, model: f.store.model)
            f.closeWhenDone {
                await other.shutdown()
                await otherPool.close()
            }
            let remote = try await other.changeFeed.changes()
            let id = try await f.deal("Across", as: owner.access)
            let seen = await Self.collect(remote) { $0.contains { $0.objectId == id } }
            #expect(seen.first { $0.objectId == id }?.after?["title"]?.stringValue == "Across")

            let position = await other.changeFeed.position
            #expect(position >= seen.last!.sequence)
            for title in ["Missed 1", "Missed 2"] { _ = try await f.deal(title, as: owner.access) }
            let live = await Self.collect(remote) { $0.count == 2 }
            #expect(live.map { $0.after?["title"]?.stringValue } == ["Missed 1", "Missed 2"])
            // A client that went away at `position` gets what it missed, then what comes next.
            let resumed = try await other.changeFeed.changes(after: position)
            _ = try await f.deal("After resume", as: owner.access)
            let replay = await Self.collect(resumed) { $0.count == 3 }
            #expect(replay.map { $0.after?["title"]?.stringValue } == ["Missed 1", "Missed 2", "After resume"])
        }
    }

    @Test("bulk loads are not events; a consumer that does not read is ended, not buffered without bound")
    func bulkAndSlowConsumers() async throws {
        try await TestGateway.run("feed_bulk", configure: { $0.store.changeFeed.bufferedBatches = 2 }) { f in
            let owner = try await f.user("owner")
            let watcher = try await f.store.changeFeed.changes()
            let slow = try await f.store.changeFeed.changes()
            var demo = DemoData()
            (demo.companies, demo.contacts, demo.deals, demo.activities) = (3, 6, 20, 40)
            try await demo.load(into: f.store, password: "demo-pw", logger: Logger(label: "test"))
            let id = try await f.deal("After the load", as: owner.access)
            let seen = await Self.collect(watcher) { $0.contains { $0.objectId == id } }
            #expect(!seen.contains { $0.className == "Activity" }, "the demo load wrote no events: \(seen.map(\.className))")
            for index in 0..<8 {
                _ = try await f.deal("Flood \(index)", as: owner.access)
                _ = await Self.collect(watcher) { $0.contains { $0.after?["title"]?.stringValue == "Flood \(index)" } }
            }
            var batches = 0
            for await _ in slow { batches += 1 }
            #expect(batches <= 2, "the slow stream ended after its buffer filled")
        }
    }

    @Test("without consumers the feed only follows the newest number, and rows past the retention are deleted")
    func pruning() async throws {
        try await TestGateway.run("feed_prune", configure: {
            $0.store.changeFeed.retention = .milliseconds(100)
            $0.store.changeFeed.pruneInterval = .milliseconds(100)
            $0.store.changeFeed.pollInterval = .milliseconds(50)
        }) { f in
            let owner = try await f.user("owner")
            for index in 0..<3 { _ = try await f.deal("Old \(index)", as: owner.access) }
            func logged() async throws -> Int {
                try await f.pool.query(#"SELECT count(*) FROM "_dealgraph_changes""#).first?.int(0) ?? -1
            }
            #expect(try await waitUntil { try await logged() == 0 }, "the gateway's feed pruned the log with nobody subscribed")
            let stream = try await f.store.changeFeed.changes()
            let id = try await f.deal("New", as: owner.access)
            let seen = await Self.collect(stream) { $0.contains { $0.objectId == id } }
            #expect(!seen.contains { $0.after?["title"]?.stringValue?.hasPrefix("Old") == true }, "old rows are not replayed")
        }
    }
}
