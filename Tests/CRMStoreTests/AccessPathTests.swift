import CRMStore
import DealGraphTesting
import Foundation
import PostgresClient
import SeededRandom
import Testing

/// Every list path users ask for keeps its ACL filter and its order under the access paths the
/// migrator derives: the store's answer equals the answer of the same store on the same data with
/// PostgreSQL forbidden to use indexes (the plain plan: scan, filter, sort), for random callers on
/// random seeded data; and every row returned is one the caller's principals may read.
@Suite("Access paths")
struct AccessPathTests {
    @Test("list paths: same rows, same order as the plain plan, for the admin and random members", arguments: [11, 12])
    func listPathsMatchThePlainPlan(seed: UInt64) async throws {
        try await TestGateway.run("paths") { fixture in
            let store = fixture.store
            let summary = try await SeedData(deals: 1_200, seed: seed).load(into: store, password: "pw-paths")
            var random = SplitMix64(seed: seed)
            var names = [summary.admin, summary.typicalMember]
            for _ in 0..<3 { names.append(SeedData.memberName(random.next(below: summary.users - 1))) }
            var callers: [AccessContext] = []
            for name in names {
                let session = try await store.logIn(username: name, password: "pw-paths")
                callers.append(try await store.resolveSession(token: session.sessionToken))
            }
            let indexed = try await Self.answers(store, callers: callers, random: SplitMix64(seed: seed))
            for setting in ["enable_indexscan", "enable_bitmapscan", "enable_indexonlyscan"] {
                _ = try await fixture.pool.query("""
                    DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET \(setting) = off', current_database()); END $$
                    """)
            }
            let plain = try await fixture.database.withPool { pool in
                let plainStore = try await CRMStore(pool: pool, model: store.model, options: {
                    var options = store.options
                    options.listensForInvalidations = false
                    return options
                }())
                let plan = try await pool.query("EXPLAIN SELECT * FROM \"Deal\" ORDER BY \"updatedAt\" LIMIT 5")
                #expect(!plan.contains { $0.string(0)?.contains("Index") == true }, "the reference store scans")
                return try await Self.answers(plainStore, callers: callers, random: SplitMix64(seed: seed))
            }
            #expect(indexed.count == plain.count)
            for (path, (got, expected)) in zip(indexed.map(\.0), zip(indexed.map(\.1), plain.map(\.1))) {
                #expect(got == expected, "\(path)")
            }
            // The ACL itself, independently of PostgreSQL: rows returned are readable by the caller.
            for caller in callers {
                let visible = try await store.find(className: "Deal", limit: nil, context: caller)
                let all = try await store.find(className: "Deal", limit: nil, context: .master)
                let readable = all.filter { !($0.acl?.readers ?? [.everyone]).isDisjoint(with: caller.principals) }
                #expect(Set(visible.map(\.objectId)) == Set(readable.map(\.objectId)))
            }
        }
    }

    /// Each path's answer for each caller, as comparable text: objectIds in order (groups for the summary).
    static func answers(_ store: CRMStore, callers: [AccessContext],
                        random: SplitMix64) async throws -> [(String, [String])] {
        var random = random
        var results: [(String, [String])] = []
        func ids(_ objects: [StoredObject]) -> [String] { objects.map(\.objectId) }
        let stages = ["lead", "qualified", "proposal", "negotiation", "won", "lost"]
        for (index, caller) in callers.enumerated() {
            let stage = random.pick(stages)
            let label = "caller \(index), stage \(stage)"
            results.append(("board \(label)", ids(try await store.find(
                className: "Deal", order: [.descending("updatedAt")], limit: 50, context: caller))))
            results.append(("stage by close date \(label)", ids(try await store.find(
                className: "Deal", where: .field("stage", [.equalTo(.string(stage))]),
                order: [.ascending("expectedCloseDate")], limit: 50, context: caller))))
            results.append(("stage by updatedAt \(label)", ids(try await store.find(
                className: "Deal", where: .field("stage", [.equalTo(.string(stage))]),
                order: [.descending("updatedAt")], skip: 10, limit: 30, context: caller))))
            let deals = try await store.find(className: "Deal", limit: nil, context: .master)
            let assignee = deals[random.next(below: deals.count)]["assignedTo"]!
            results.append(("by assignee \(label)", ids(try await store.find(
                className: "Deal", where: .field("assignedTo", [.equalTo(assignee)]),
                order: [.descending("updatedAt")], limit: 50, context: caller))))
            results.append(("contacts by name \(label)", ids(try await store.find(
                className: "Contact", order: [.ascending("name")], limit: 50, context: caller))))
            let companies = try await store.find(className: "Company", order: [.ascending("name")], limit: 50, context: caller)
            results.append(("companies by name \(label)", ids(companies)))
            results.append(("activities by due date \(label)", ids(try await store.find(
                className: "Activity", order: [.descending("dueDate")], limit: 50, context: caller))))
            results.append(("pipeline \(label)", try await store.groupSummary(
                className: "Deal", groupBy: "stage", sum: "amount", context: caller).map { "\($0.key ?? "-") \($0.count) \($0.sum)" }))
            results.append(("count \(label)", ["\(try await store.count(className: "Deal", context: caller))"]))
            // The caller's companies and a few others (whose deals the caller may not read).
            var companyIds = ids(companies)
            for _ in 0..<5 {
                if case .pointer(_, let id)? = deals[random.next(below: deals.count)]["company"] { companyIds.append(id) }
            }
            let reverse = try await store.loadReverse(className: "Deal", pointerField: "company", parentIds: companyIds,
                                                      order: [.descending("updatedAt")], limit: 5, context: caller)
            results.append(("company deals \(label)", reverse.map { ids($0).joined(separator: ",") }))
            let board = try await store.find(className: "Deal", order: [.descending("updatedAt")], limit: 50, context: caller)
            let activities = try await store.loadReverse(className: "Activity", pointerField: "relatedTo", parentIds: ids(board),
                                                         parentClassName: "Deal", order: [.ascending("dueDate")], limit: 4,
                                                         context: caller)
            results.append(("deal activities \(label)", activities.map { ids($0).joined(separator: ",") }))
        }
        return results
    }
}
