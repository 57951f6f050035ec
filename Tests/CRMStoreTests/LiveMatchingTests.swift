import DealGraphTesting
import Foundation
import Testing
@testable import CRMStore

/// Matching logged changes against live filters: where and read access before and after each
/// write, evaluated by PostgreSQL, and the event each subscriber gets.
@Suite(.timeLimit(.minutes(1))) struct LiveMatchingTests {
    @Test("the event of each operation and match: create, enter, update, leave, delete, or none")
    func eventTable() {
        let cases: [(Change.Operation, Bool, Bool, LiveEvent?)] = [
            (.create, false, true, .create), (.create, false, false, nil),
            (.update, true, true, .update), (.update, true, false, .leave), (.update, false, true, .enter), (.update, false, false, nil),
            (.delete, true, false, .delete), (.delete, false, false, nil),
        ]
        for (operation, before, after, event) in cases {
            #expect(LiveEvent(operation, LiveMatch(before: before, after: after)) == event, "\(operation) \(before) \(after)")
        }
    }

    @Test("a private deal through its life: each watcher sees it enter, change and leave as its where and read access say")
    func lifeOfADeal() async throws {
        try await TestGateway.run("live_match") { f in
            let alice = try await f.user("alice"), bob = try await f.user("bob")
            let feed = try await f.store.changeFeed.changes()
            let filters = [
                LiveFilter(className: "Deal", clause: .field("stage", [.equalTo(.string("won"))]), context: alice.access),
                LiveFilter(className: "Deal", clause: nil, context: bob.access),
                LiveFilter(className: "Deal", clause: nil, context: .master),
                LiveFilter(className: "Deal", clause: nil, context: .anonymous),
                LiveFilter(className: "Contact", clause: nil, context: .master),
            ]
            let id = try await f.deal("Private", extra: ["stage": .set(.string("lead"))], as: alice.access)
            let mine = ACL(readers: [.user(alice.id)], writers: [.user(alice.id)])
            var shared = mine
            shared.grant(.user(bob.id), read: true, write: false)
            let steps: [[String: FieldInput]] = [["stage": .set(.string("won"))], ["amount": .set(.number(5))],
                                                 ["amount": .set(.number(6))], ["amount": .set(.number(7))]]
            let acls: [ACL?] = [nil, shared, nil, mine]
            for (fields, acl) in zip(steps, acls) {
                _ = try await f.store.update(className: "Deal", objectId: id, fields: fields, acl: acl, context: alice.access)
            }
            try await f.store.delete(className: "Deal", objectId: id, context: alice.access)
            var changes: [Change] = []
            for await batch in feed {
                changes += batch.filter { $0.objectId == id }
                if changes.count == 6 { break }
            }
            let matches = try await f.store.match(changes, against: filters)
            func events(_ filter: Int) -> [String] {
                zip(changes, matches).map { change, row in LiveEvent(change.operation, row[filter])?.rawValue ?? "-" }
            }
            #expect(events(0) == ["-", "enter", "update", "update", "update", "delete"], "alice, stage = won")
            #expect(events(1) == ["-", "-", "enter", "update", "leave", "-"], "bob: read access granted, then taken away")
            #expect(events(2) == ["create", "update", "update", "update", "update", "delete"], "the master key")
            #expect(events(3) == ["-", "-", "-", "-", "-", "-"], "anonymous: the CLP needs a session")
            #expect(events(4) == ["-", "-", "-", "-", "-", "-"], "another class")
        }
    }

    @Test("roles count: a deal shared with a role reaches a user once they hold it; many distinct filters take more than one statement")
    func rolesAndManyFilters() async throws {
        try await TestGateway.run("live_match_roles") { f in
            let alice = try await f.user("alice"), bob = try await f.user("bob")
            try await f.store.createRole(name: "Sales", users: [alice.id], context: .master)
            let feed = try await f.store.changeFeed.changes()
            let id = try await f.deal("Team", acl: ACL(readers: [.role("Sales")], writers: [.role("Sales")]), as: .master)
            var changes: [Change] = []
            for await batch in feed {
                changes += batch.filter { $0.objectId == id }
                if !changes.isEmpty { break }
            }
            let bobInSales = AccessContext.user(bob.id, roles: ["Sales"])
            var filters = [LiveFilter(className: "Deal", clause: nil, context: try await f.store.resolveSession(token: alice.token)),
                           LiveFilter(className: "Deal", clause: nil, context: bob.access),
                           LiveFilter(className: "Deal", clause: nil, context: bobInSales)]
            for index in 0..<450 {
                filters.append(LiveFilter(className: "Deal", clause: .field("amount", [.notEqualTo(.number(Double(index)))]),
                                          context: bobInSales))
            }
            let before = f.pool.statementCount
            let matches = try await f.store.match(changes, against: filters)
            #expect(f.pool.statementCount - before == 2, "453 distinct filters: two statements of at most 400")
            #expect(matches[0][0] == LiveMatch(before: false, after: true))
            #expect(matches[0][1] == .none)
            #expect(matches[0][2] == LiveMatch(before: false, after: true))
            #expect(matches[0][452] == LiveMatch(before: false, after: true))
        }
    }

    @Test("a filter is checked as a find: unknown fields 102, protected fields 119, no session 101; visible states lose protected fields")
    func checksAndVisibility() async throws {
        try await TestGateway.run("live_match_check") { f in
            let alice = try await f.user("alice"), bob = try await f.user("bob")
            func code(_ filter: LiveFilter) -> Int? {
                do {
                    try f.store.check(filter)
                    return nil
                } catch {
                    return error.code.rawValue
                }
            }
            #expect(code(LiveFilter(className: "Deal", clause: .field("nope", [.exists(true)]), context: alice.access)) == 102)
            #expect(code(LiveFilter(className: "_User", clause: .field("email", [.exists(true)]), context: alice.access)) == 119)
            #expect(code(LiveFilter(className: "Deal", clause: nil, context: .anonymous)) == 101)
            #expect(code(LiveFilter(className: "Nope", clause: nil, context: alice.access)) == 119)
            #expect(code(LiveFilter(className: "Deal", clause: nil, context: alice.access)) == nil)
            let user = try await f.store.get(className: "_User", objectId: alice.id, context: .master)
            #expect(user["email"]?.stringValue == "alice@example.com")
            #expect(f.store.visible(user, to: bob.access)["email"] == nil)
            #expect(f.store.visible(user, to: alice.access)["email"]?.stringValue == "alice@example.com")
            #expect(f.store.visible(user, to: bob.access)["username"]?.stringValue == "alice")
        }
    }
}
