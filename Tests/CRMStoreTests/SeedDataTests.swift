import CRMStore
import DealGraphTesting
import Foundation
import Testing

@Suite("Seed data")
struct SeedDataTests {
    @Test("seeds N deals with their classes; every pointer resolves; members see own, team and public deals, admin all")
    func seedsASkewedCRM() async throws {
        try await TestGateway.run("seed") { fixture in
            let store = fixture.store
            let data = SeedData(deals: 500, seed: 7)
            let summary = try await data.load(into: store, password: "pw-seed-1")
            #expect((summary.deals, summary.companies, summary.contacts, summary.users) == (500, 10, 100, 21))
            #expect(summary.activities >= 3 * 500 && summary.activities <= 7 * 500)
            for (className, expected) in [("Deal", 500), ("Company", 10), ("Contact", 100), ("Activity", summary.activities),
                                          ("_User", 21)] {
                #expect(try await store.count(className: className, context: .master) == expected, "\(className)")
            }
            await #expect(throws: SeedRefusal.self, "a database with deals is refused") {
                try await data.load(into: store, password: "pw-seed-1")
            }

            let dangling = try await fixture.pool.query("""
                SELECT (SELECT count(*) FROM "Deal" d WHERE NOT EXISTS (SELECT 1 FROM "Contact" c WHERE c."objectId" = d."contact"))
                     + (SELECT count(*) FROM "Deal" d WHERE NOT EXISTS (SELECT 1 FROM "Company" c WHERE c."objectId" = d."company"))
                     + (SELECT count(*) FROM "Deal" d WHERE NOT EXISTS (SELECT 1 FROM "_User" u WHERE u."objectId" = d."assignedTo"))
                     + (SELECT count(*) FROM "Contact" t WHERE NOT EXISTS (SELECT 1 FROM "Company" c WHERE c."objectId" = t."company"))
                     + (SELECT count(*) FROM "Activity" a WHERE a."_relatedTo_className" = 'Deal'
                          AND NOT EXISTS (SELECT 1 FROM "Deal" d WHERE d."objectId" = a."relatedTo"))
                     + (SELECT count(*) FROM "Activity" a WHERE a."_relatedTo_className" = 'Contact'
                          AND NOT EXISTS (SELECT 1 FROM "Contact" c WHERE c."objectId" = a."relatedTo"))
                     + (SELECT count(*) FROM "Activity" a WHERE NOT EXISTS (SELECT 1 FROM "_User" u WHERE u."objectId" = a."createdBy"))
                """)
            #expect(dangling.first?.int(0) == 0, "every pointer resolves")

            let all = try await store.find(className: "Deal", limit: nil, context: .master)
            let member = try await store.logIn(username: summary.typicalMember, password: "pw-seed-1")
            let access = try await store.resolveSession(token: member.sessionToken)
            #expect(access.roleNames.contains { $0.hasPrefix("Team") })
            let principals = access.principals
            let visible = try await store.find(className: "Deal", limit: nil, context: access)
            let expected = all.filter { deal in !(deal.acl?.readers ?? [.everyone]).isDisjoint(with: principals) }
            #expect(Set(visible.map(\.objectId)) == Set(expected.map(\.objectId)))
            #expect(visible.count > 0 && visible.count < all.count, "a member sees some of the deals, not all")
            let byTeam = visible.filter { deal in
                let readers = deal.acl?.readers ?? []
                return readers.contains(.everyone) || readers.contains(.user(member.user.objectId))
                    || access.roleNames.contains { readers.contains(.role($0)) }
            }
            #expect(byTeam.count == visible.count, "own, team or public deals only")
            #expect(visible.contains { $0.acl?.readers.contains(.everyone) == true }, "some deals are public")

            let admin = try await store.resolveSession(token: store.logIn(username: summary.admin, password: "pw-seed-1").sessionToken)
            #expect(admin.roleNames.contains("Admin"))
            #expect(try await store.count(className: "Deal", context: admin) == 500)
        }
    }

    @Test("the same seed gives the same rows")
    func deterministic() async throws {
        let reference = Date(timeIntervalSince1970: 1_760_000_000)
        var rows: [[String]] = []
        for _ in 0..<2 {
            rows.append(try await TestGateway.run("seedrepeat") { fixture in
                _ = try await SeedData(deals: 60, seed: 3, reference: reference).load(into: fixture.store, password: "pw-seed-2")
                let deals = try await fixture.store.find(className: "Deal", order: [.ascending("objectId")], limit: nil, context: .master)
                return deals.map { "\($0.objectId) \($0.updatedAt) \($0["stage"].map { "\($0)" } ?? "")" }
            })
        }
        #expect(rows[0] == rows[1])
        #expect(rows[0].count == 60)
    }
}
