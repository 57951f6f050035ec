import DealGraphTesting
import Foundation
import PostgresClient
import Testing
@testable import CRMStore

/// `contains` (Parse `$all`) and `containedBy` (Parse `$containedBy`) on Array fields.
@Suite struct ArrayConstraintTests {
    static let tags: [String: String?] = [
        "empty": "[]", "a": #"["a"]"#, "ab": #"["a","b"]"#, "abc": #"["a", "b", "c"]"#, "mixed": #"[1, "a"]"#,
        "nested": #"[["x", "y"], {"k": 1}]"#, "unset": nil,
    ]

    /// Runs `body` on a store of the document model holding one Note per entry of `tags`.
    static func withNotes(_ prefix: String, _ body: (TestGateway) async throws -> Void) async throws {
        try await TestGateway.run(prefix, configure: { $0.model = try DocumentModel.make() }) { f in
            for (title, tags) in Self.tags.sorted(by: { $0.key < $1.key }) {
                var fields: [String: FieldInput] = ["title": .set(.string(title))]
                if let tags { fields["tags"] = .set(.array(tags)) }
                _ = try await f.store.create(className: "Note", fields: fields, context: .master)
            }
            try await body(f)
        }
    }

    @Test func containmentFollowsParse() async throws {
        try await Self.withNotes("store_array_contains") { f throws in
            func titles(_ clause: WhereClause) async throws -> [String] {
                try await f.store.find(className: "Note", where: clause, context: .anonymous).compactMap { $0["title"]?.stringValue }.sorted()
            }
            func tags(_ constraint: FieldConstraint) async throws -> [String] { try await titles(.field("tags", [constraint])) }
            #expect(try await tags(.containsAll(#"["a","b"]"#)) == ["ab", "abc"])
            #expect(try await tags(.containsAll(#" [ "b" , "a" ] "#)) == ["ab", "abc"])
            #expect(try await tags(.containsAll("[]")) == [])
            #expect(try await tags(.containsAll("[1]")) == ["mixed"])
            #expect(try await tags(.containsAll(#"["1"]"#)) == [])
            #expect(try await tags(.containsAll(#"[["x"]]"#)) == ["nested"])
            #expect(try await tags(.containedBy(#"["a","b"]"#)) == ["a", "ab", "empty"])
            #expect(try await tags(.containedBy("[]")) == ["empty"])
            #expect(try await tags(.containedBy(#"[1, "a", "z"]"#)) == ["a", "empty", "mixed"])
            #expect(try await titles(.nor([.field("tags", [.containsAll(#"["a"]"#)])])) == ["empty", "nested", "unset"])
            #expect(try await tags(.containsAll(#"["'; DROP TABLE \"Note\"; --"]"#)) == [])
            #expect(try await f.store.count(className: "Note", where: .field("tags", [.containsAll(#"["a"]"#), .containedBy(#"["a","b"]"#)]),
                                            context: .anonymous) == 2)
        }
    }

    @Test func nonArrayFieldsAndMalformedOperandsAreRefusedAndChangeNothing() async throws {
        try await Self.withNotes("store_array_refused") { f in
            let before = try await f.pool.fingerprint("Note")
            for field in ["title", "meta", "objectId", "createdAt"] {
                await expectCode(.invalidQuery) { _ = try await f.store.find(className: "Note", where: .field(field, [.containsAll("[]")]), context: .master) }
                await expectCode(.invalidQuery) { _ = try await f.store.find(className: "Note", where: .field(field, [.containedBy("[]")]), context: .master) }
            }
            await expectCode(.invalidQuery) { _ = try await f.store.find(className: "Deal", where: .field("title", [.containsAll(#"["a"]"#)]), context: .master) }
            let operands = [#"{"a": 1}"#, #""a""#, "1", "null", "true", "", "   ", "[1,", #"["a""#, "[1] junk", "[\"a\u{0}\"]",
                            "[" + String(repeating: "1,", count: 600_000) + "1]"]
            for operand in operands {
                await expectCode(.incorrectType) { _ = try await f.store.find(className: "Note", where: .field("tags", [.containsAll(operand)]), context: .master) }
                await expectCode(.incorrectType) { _ = try await f.store.count(className: "Note", where: .field("tags", [.containedBy(operand)]), context: .master) }
            }
            #expect(try await f.pool.fingerprint("Note") == before)
        }
    }
}
