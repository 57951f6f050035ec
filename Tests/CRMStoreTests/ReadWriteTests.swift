import DealGraphTesting
import Foundation
import PostgresClient
import Testing
@testable import CRMStore

@Suite struct ReadWriteTests {
    @Test func createAppliesDefaultACLAndServerFields() async throws {
        try await TestGateway.run("store_rw_create") { fixture in
            let owner = try await fixture.user("owner")
            let assignee = try await fixture.user("assignee")
            let written = try await fixture.store.create(
                className: "Deal",
                fields: ["title": .set(.string("Big")), "amount": .set(.number(1200)),
                         "assignedTo": .set(.string(assignee.id)), "expectedCloseDate": .set(.date(Date(timeIntervalSince1970: 1_700_000_000.123)))],
                context: owner.access)
            let object = try #require(written.object)
            #expect(object["title"] == .string("Big"))
            #expect(object["expectedCloseDate"] == .date(Date(timeIntervalSince1970: 1_700_000_000.123)))
            #expect(object.acl == ACL.of(read: [owner.id, assignee.id, "role:Admin"], write: [owner.id, assignee.id, "role:Admin"]))
            #expect(written.objectId.count == 10 && written.objectId.allSatisfy { $0.isLetter || $0.isNumber })
            let company = try await fixture.store.create(className: "Company", fields: ["name": .set(.string("ACME"))], context: owner.access)
            #expect(company.object?["createdBy"] == .pointer(className: "_User", objectId: owner.id))
            await #expect(throws: StoreError.self) {
                try await fixture.store.create(className: "Company", fields: ["name": .set(.string("X")), "createdBy": .set(.string(assignee.id))],
                                               context: owner.access)
            }
            // The assignee reads it; a stranger does not.
            let stranger = try await fixture.user("stranger")
            #expect(try await fixture.store.get(className: "Deal", objectId: written.objectId, context: assignee.access).objectId == written.objectId)
            await #expect(throws: StoreError.objectNotFound) {
                try await fixture.store.get(className: "Deal", objectId: written.objectId, context: stranger.access)
            }
        }
    }

    @Test func findOrdersFiltersAndPages() async throws {
        try await TestGateway.run("store_rw_find") { fixture in
            let owner = try await fixture.user("finder")
            for index in 0..<12 {
                try await fixture.deal("Deal \(index)", amount: Double(index * 100), extra: ["stage": .set(.string(index % 2 == 0 ? "won" : "lead"))], as: owner.access)
            }
            let won = try await fixture.store.find(
                className: "Deal", where: .fields(["stage": [.equalTo(.string("won"))], "amount": [.greaterThanOrEqualTo(.number(200))]]),
                order: [.descending("amount")], skip: 1, limit: 3, context: owner.access)
            #expect(won.map { $0["amount"] } == [.number(800), .number(600), .number(400)])
            let count = try await fixture.store.count(className: "Deal", where: .field("stage", [.equalTo(.string("won"))]), context: owner.access)
            #expect(count == 6)
            let regex = try await fixture.store.find(className: "Deal", where: .field("title", [.matchesRegex("^deal 1", options: "i")]),
                                                     order: [.ascending("title")], context: owner.access)
            #expect(regex.compactMap { $0["title"]?.stringValue } == ["Deal 1", "Deal 10", "Deal 11"])
            let text = try await fixture.store.find(className: "Deal", where: .field("title", [.text(TextSearch(term: "deal"))]), context: owner.access)
            #expect(text.count == 12)
            let projected = try await fixture.store.find(className: "Deal", limit: 1, keys: ["title"], context: owner.access)
            #expect(projected.first?.fields.keys.sorted() == ["title"])
            let notIn = try await fixture.store.count(className: "Deal", where: .field("amount", [.notIn([.number(0), .number(100)])]), context: owner.access)
            #expect(notIn == 10)
        }
    }

    @Test func batchedAndReverseLoadsAnswerPerKeyAndPerParent() async throws {
        try await TestGateway.run("store_rw_batch") { fixture in
            let owner = try await fixture.user("batcher")
            var companies: [String] = []
            for index in 0..<3 {
                companies.append(try await fixture.store.create(className: "Company", fields: ["name": .set(.string("C\(index)"))], context: owner.access).objectId)
            }
            for index in 0..<7 {
                try await fixture.deal("D\(index)", amount: Double(index), extra: ["company": .set(.string(companies[index % 2]))], as: owner.access)
            }
            let loaded = try await fixture.store.loadByIds(className: "Company", ids: [companies[2], "missing000", companies[0], companies[2]], context: owner.access)
            #expect(loaded.map { $0?.objectId } == [companies[2], nil, companies[0], companies[2]])
            for strategy in [ReverseLoadStrategy.lateral, .window] {
                let store = try await fixture.store { $0.reverseLoadStrategy = strategy; $0.listensForInvalidations = false }
                let pages = try await store.loadReverse(className: "Deal", pointerField: "company", parentIds: companies,
                                                        order: [.descending("amount")], skip: 1, limit: 2, context: owner.access)
                #expect(pages.map { $0.map { $0["amount"]?.numberValue ?? -1 } } == [[4, 2], [3, 1], []], "\(strategy)")
            }
            let counts = try await fixture.store.countReverse(className: "Deal", pointerField: "company", parentIds: companies, context: owner.access)
            #expect(counts == [4, 3, 0])
            let have = try await fixture.store.count(
                className: "Deal", where: .field("company", [.have(.field("name", [.equalTo(.string("C1"))]), targetClass: nil)]), context: owner.access)
            #expect(have == 3)
        }
    }

    @Test func updatesIncrementUnsetLinkRollBackAndCheckConcurrency() async throws {
        try await TestGateway.run("store_rw_update") { fixture in
            let owner = try await fixture.user("updater")
            let id = try await fixture.deal("Counter", amount: 1, extra: ["notes": .set(.string("n"))], as: owner.access)
            let first = try await fixture.store.update(className: "Deal", objectId: id, fields: ["amount": .increment(2.5), "notes": .unset],
                                                       context: owner.access)
            #expect(first.object?["amount"] == .number(3.5))
            #expect(first.object?["notes"] == nil)
            await #expect(throws: StoreError.self) {
                try await fixture.store.update(className: "Deal", objectId: id, fields: ["title": .unset], context: owner.access)
            }
            let linked = try await fixture.store.update(
                className: "Deal", objectId: id,
                fields: ["company": .createAndLink(className: nil, fields: ["name": .set(.string("Nested"))], acl: nil)], context: owner.access)
            let companyId = try #require(linked.object?["company"]?.pointerObjectId)
            #expect(try await fixture.store.get(className: "Company", objectId: companyId, context: owner.access)["name"] == .string("Nested"))
            // A failing outer write rolls the nested create back.
            let before = try await fixture.pool.fingerprint("Company")
            await #expect(throws: StoreError.self) {
                try await fixture.store.create(className: "Deal", fields: [
                    "company": .createAndLink(className: nil, fields: ["name": .set(.string("Orphan"))], acl: nil),
                    "contact": .set(.string("nosuchid00"))], context: owner.access)
            }
            #expect(try await fixture.pool.fingerprint("Company") == before)
            // Optimistic concurrency.
            let stale = first.updatedAt
            await #expect(throws: StoreError(code: .validationError, "Object was changed by another request; reload and retry.")) {
                try await fixture.store.update(className: "Deal", objectId: id, fields: ["amount": .set(.number(9))], ifUpdatedAt: stale, context: owner.access)
            }
            let fresh = try await fixture.store.update(className: "Deal", objectId: id, fields: ["amount": .set(.number(9))],
                                                       ifUpdatedAt: linked.updatedAt, context: owner.access)
            #expect(fresh.object?["amount"] == .number(9))
            let deleted = try await fixture.store.delete(className: "Deal", objectId: id, context: owner.access)
            #expect(deleted?.objectId == id)
            await #expect(throws: StoreError.objectNotFound) {
                try await fixture.store.delete(className: "Deal", objectId: id, context: owner.access)
            }
        }
    }

    @Test(.timeLimit(.minutes(1))) func everyCommittedWriteIsAnnouncedByItsSequenceNumber() async throws {
        try await TestGateway.run("store_rw_notify") { fixture in
            let owner = try await fixture.user("notifier")
            let notifications = try await fixture.pool.listen([CRMStore.changeChannel])
            let id = try await fixture.deal("Announced", as: owner.access)
            _ = try await fixture.store.update(className: "Deal", objectId: id, fields: ["amount": .set(.number(5))], context: owner.access)
            try await fixture.store.delete(className: "Deal", objectId: id, context: owner.access)
            var received: [String] = []
            for await notification in notifications {
                let log = try await fixture.pool.query(#"SELECT "objectId", "operation" FROM "_dealgraph_changes" WHERE "seq" = $1::bigint"#,
                                                       [.text(notification.payload)])
                if log.first?.string(0) == id { received.append(log.first?.string(1) ?? "") }
                if received.count == 3 { break }
            }
            #expect(received == ["create", "update", "delete"])
        }
    }
}

@Suite struct SummaryTests {
    @Test func summarizesPerStageUnderTheACL() async throws {
        try await TestGateway.run("store_summary") { f in
            let owner = try await f.user("owner"), other = try await f.user("other")
            try await f.deal("A", amount: 10, extra: ["stage": .set(.string("won"))], as: owner.access)
            try await f.deal("B", amount: 5, extra: ["stage": .set(.string("won"))], as: owner.access)
            try await f.deal("C", amount: 1, as: owner.access)
            try await f.deal("D", amount: 100, extra: ["stage": .set(.string("won"))], as: other.access)
            let groups = try await f.store.groupSummary(className: "Deal", groupBy: "stage", sum: "amount", context: owner.access)
            #expect(groups == [GroupSummary(key: "won", count: 2, sum: 15), GroupSummary(key: nil, count: 1, sum: 1)])
            await expectCode(.invalidQuery) { _ = try await f.store.groupSummary(className: "Deal", groupBy: "stage", sum: "title", context: owner.access) }
            await expectCode(.invalidQuery) { _ = try await f.store.groupSummary(className: "Deal", groupBy: "_rperm", sum: "amount", context: owner.access) }
            await expectCode(.objectNotFound) { _ = try await f.store.groupSummary(className: "Deal", groupBy: "stage", sum: "amount", context: .anonymous) }
        }
    }
}
