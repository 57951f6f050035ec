import DealGraphTesting
import Foundation
import Testing
@testable import CRMStore

/// `CRMStore.atomically`: many writes in one database transaction (REST `/batch` with
/// `transaction: true`), and PCRE's `\Q...\E` quoting in regular expressions.
@Suite struct AtomicallyTests {
    @Test("writes inside commit together; a failure rolls every one back; reads inside see the writes")
    func allOrNothing() async throws {
        try await TestGateway.run("store_atomically") { f in
            let alice = try await f.user("alice")
            let kept = try await f.store.atomically { () async throws(StoreError) -> String in
                let first = try await f.store.create(className: "Deal", fields: ["title": .set(.string("One"))], context: alice.access)
                _ = try await f.store.update(className: "Deal", objectId: first.objectId, fields: ["amount": .set(.number(5))],
                                             context: alice.access)
                let seen = try await f.store.find(className: "Deal", context: alice.access)
                #expect(seen.map { $0["amount"]?.numberValue } == [5], "a read inside sees the transaction's writes")
                return first.objectId
            }
            #expect(try await f.store.get(className: "Deal", objectId: kept, context: alice.access)["amount"]?.numberValue == 5)

            await #expect(throws: StoreError.self) {
                try await f.store.atomically { () async throws(StoreError) in
                    _ = try await f.store.create(className: "Deal", fields: ["title": .set(.string("Two"))], context: alice.access)
                    try await f.store.delete(className: "Deal", objectId: kept, context: alice.access)
                    _ = try await f.store.create(className: "Deal", fields: ["amount": .set(.number(1))], context: alice.access)
                }
            }
            let after = try await f.store.find(className: "Deal", context: .master)
            #expect(after.map(\.objectId) == [kept], "the create and the delete before the failure were rolled back")

            // A failed write inside (its own savepoint) can be caught and the rest still commits.
            try await f.store.atomically { () async throws(StoreError) in
                _ = try? await f.store.create(className: "Deal", fields: ["amount": .set(.number(1))], context: alice.access)
                _ = try await f.store.create(className: "Deal", fields: ["title": .set(.string("Three"))], context: alice.access)
            }
            #expect(try await f.store.count(className: "Deal", context: .master) == 2)
            #expect(try await f.store.count(className: "Deal", context: .master) == 2, "the pool still serves after the transactions")
        }
    }

    @Test("\\Q...\\E quotes its text literally, as PCRE does; outside it the pattern is a regular expression")
    func literalQuoting() async throws {
        #expect(RegexOptions.literalQuoting(#"^\QSmall\E"#) == "^Small")
        #expect(RegexOptions.literalQuoting(#"^\Qa.b (c)*\E$"#) == #"^a\.b \(c\)\*$"#)
        #expect(RegexOptions.literalQuoting(#"\Qx+"#) == #"x\+"#, "a missing \\E quotes to the end")
        #expect(RegexOptions.literalQuoting(#"a\.b"#) == #"a\.b"#)
        #expect(RegexOptions.literalQuoting(#"\Qé?\E"#) == #"é\?"#)
        try await TestGateway.run("store_regex_quote") { f in
            for title in ["a.b (c)*", "axb (c)", "a.b (c)*tail", "A.B (C)*"] {
                _ = try await f.store.create(className: "Deal", fields: ["title": .set(.string(title))], context: .master)
            }
            func titles(_ pattern: String, _ options: String? = nil) async throws -> [String] {
                try await f.store.find(className: "Deal", where: .field("title", [.matchesRegex(pattern, options: options)]),
                                       order: [.ascending("title")], context: .master).compactMap { $0["title"]?.stringValue }
            }
            #expect(try await titles(#"^\Qa.b (c)*\E$"#) == ["a.b (c)*"])
            #expect(try await titles(#"^\Qa.b (c)*\E"#) == ["a.b (c)*", "a.b (c)*tail"])
            #expect(try await titles(#"^\Qa.b (c)*\E$"#, "i") == ["A.B (C)*", "a.b (c)*"])
            #expect(try await titles(#"\Q(c)\E"#) == ["a.b (c)*", "a.b (c)*tail", "axb (c)"])
        }
    }
}
