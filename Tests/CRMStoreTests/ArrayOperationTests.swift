import DealGraphTesting
import Foundation
import PostgresClient
import Testing
@testable import CRMStore

/// Parse's array write operations on Array fields: `Add`, `AddUnique`, `Remove` apply to the
/// current value on update (atomically) and are flattened on create. Arrays are compared as the
/// jsonb text PostgreSQL returns (`", "` between elements, object keys in jsonb order).
@Suite struct ArrayOperationTests {
    static func withNotes(_ prefix: String, _ body: (TestGateway) async throws -> Void) async throws {
        try await TestGateway.run(prefix, configure: { $0.model = try DocumentModel.make() }, body)
    }

    /// Creates a Note, `tags` set to this JSON text when given; returns its objectId.
    static func note(_ f: TestGateway, _ title: String, tags: String? = nil) async throws -> String {
        var fields: [String: FieldInput] = ["title": .set(.string(title))]
        if let tags { fields["tags"] = .set(.array(tags)) }
        return try await f.store.create(className: "Note", fields: fields, context: .master).objectId
    }

    /// Applies `input` to the Note's `tags`; returns the array the update returned, after checking
    /// that a read finds the same.
    static func apply(_ f: TestGateway, _ id: String, _ input: FieldInput, sourceLocation: SourceLocation = #_sourceLocation)
        async throws -> String? {
        let written = try await f.store.update(className: "Note", objectId: id, fields: ["tags": input], context: .master)
        let read = try await f.store.get(className: "Note", objectId: id, context: .master)
        #expect(written.object?["tags"] == read["tags"], sourceLocation: sourceLocation)
        guard case .array(let json)? = written.object?["tags"] else { return nil }
        return json
    }

    @Test func updatesApplyToTheCurrentArray() async throws {
        try await Self.withNotes("store_array_ops_update") { f throws in
            let id = try await Self.note(f, "ops", tags: #"["a", "b"]"#)
            // Add appends as given, duplicates included.
            #expect(try await Self.apply(f, id, .add(#"["c", "a"]"#)) == #"["a", "b", "c", "a"]"#)
            // AddUnique appends what is missing, each once, in the order given.
            #expect(try await Self.apply(f, id, .addUnique(#"["b", "d", "d", 1, {"k": 1}, 1]"#))
                    == #"["a", "b", "c", "a", "d", 1, {"k": 1}]"#)
            // Equality of jsonb, not containment: 1.0 is 1, {"k":1,"j":2} is not {"k":1}.
            #expect(try await Self.apply(f, id, .addUnique(#"[1.0, {"k":1}, {"k":1,"j":2}, [1], "d"]"#))
                    == #"["a", "b", "c", "a", "d", 1, {"k": 1}, {"j": 2, "k": 1}, [1]]"#)
            // Remove drops every occurrence and keeps the order of the rest.
            #expect(try await Self.apply(f, id, .remove(#"["a", 1, {"k": 1}]"#)) == #"["b", "c", "d", {"j": 2, "k": 1}, [1]]"#)
            #expect(try await Self.apply(f, id, .remove(#"["zzz", [1, 2], {"j": 2}]"#)) == #"["b", "c", "d", {"j": 2, "k": 1}, [1]]"#)
            #expect(try await Self.apply(f, id, .remove(#"[[1], {"k": 1, "j": 2}]"#)) == #"["b", "c", "d"]"#)
            // Empty operands change nothing.
            for input in [FieldInput.add("[]"), .addUnique(" [ ] "), .remove("[]")] {
                #expect(try await Self.apply(f, id, input) == #"["b", "c", "d"]"#)
            }
            // Numbers, nested values and hostile text are data.
            #expect(try await Self.apply(f, id, .add(#"[1.5, -2, 3e2, null, true, {"n": {"m": [1, "x"]}}]"#))
                    == #"["b", "c", "d", 1.5, -2, 300, null, true, {"n": {"m": [1, "x"]}}]"#)
            #expect(try await Self.apply(f, id, .remove(#"[300, null, {"n": {"m": [1, "x"]}}, "c"]"#))
                    == #"["b", "d", 1.5, -2, true]"#)
            let hostile = #"'); DROP TABLE \"Note\"; --"#
            #expect(try await Self.apply(f, id, .addUnique(#"["\#(hostile)"]"#)) == #"["b", "d", 1.5, -2, true, "\#(hostile)"]"#)
            #expect(try await Self.apply(f, id, .remove(#"["\#(hostile)", true, 1.5]"#)) == #"["b", "d", -2]"#)
            #expect(try await Self.apply(f, id, .remove(#"["b", "d", -2.0]"#)) == "[]")

            // An unset field counts as an empty array.
            #expect(try await Self.apply(f, try await Self.note(f, "unset add"), .add(#"["x", "x"]"#)) == #"["x", "x"]"#)
            #expect(try await Self.apply(f, try await Self.note(f, "unset unique"), .addUnique(#"["x", 2, "x", 2.0]"#)) == #"["x", 2]"#)
            #expect(try await Self.apply(f, try await Self.note(f, "unset remove"), .remove(#"["x"]"#)) == "[]")

            // Several fields in one update: the operation and a plain set.
            let both = try await f.store.update(className: "Note", objectId: id, fields: ["tags": .add(#"["e"]"#), "title": .set(.string("renamed"))],
                                                context: .master)
            #expect(both.object?["tags"] == .array(#"["e"]"#) && both.object?["title"] == .string("renamed"))
        }
    }

    @Test func createsFlattenTheOperation() async throws {
        try await Self.withNotes("store_array_ops_create") { f throws in
            func created(_ input: FieldInput) async throws -> FieldValue? {
                let written = try await f.store.create(className: "Note", fields: ["title": .set(.string("new")), "tags": input], context: .master)
                let read = try await f.store.get(className: "Note", objectId: written.objectId, context: .master)
                #expect(written.object?["tags"] == read["tags"])
                return read["tags"]
            }
            #expect(try await created(.add(#"["b", "a", "b", {"k": [1]}]"#)) == .array(#"["b", "a", "b", {"k": [1]}]"#))
            #expect(try await created(.addUnique(#"["b", "a", "b", 1, {"k": [1]}, 1.0, {"k": [1]}, "a"]"#)) == .array(#"["b", "a", 1, {"k": [1]}]"#))
            #expect(try await created(.remove(#"["a", "b"]"#)) == .array("[]"))
            #expect(try await created(.add("[]")) == .array("[]"))
            #expect(try await created(.addUnique("[]")) == .array("[]"))
            #expect(try await created(.remove("[]")) == .array("[]"))
        }
    }

    @Test func concurrentOperationsAllLand() async throws {
        try await Self.withNotes("store_array_ops_concurrent") { f throws in
            let store = f.store
            let id = try await Self.note(f, "shared")
            // Two tasks adding in turn race on the row: no Add is lost.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for side in ["a", "b"] {
                    group.addTask {
                        for index in 0..<10 {
                            _ = try await store.update(className: "Note", objectId: id, fields: ["tags": .add(#"["\#(side)\#(index)"]"#)],
                                                       context: .master)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let raced = try await Self.elements(f, id)
            #expect(raced.count == 20)
            for side in ["a", "b"] { #expect(raced.filter { $0.hasPrefix(side) } == (0..<10).map { "\(side)\($0)" }) }

            // Deterministic overlap: a transaction holds the row, having added "held"; three
            // operations wait for it, then each applies to the value committed before it.
            _ = try await Self.apply(f, id, .set(.array("[]")))
            try await f.database.withPool(maxConnections: 1) { observer in
                var waiting: [Task<WriteResult, any Error>] = []
                try await f.pool.transaction { connection in
                    _ = try await connection.query(#"UPDATE "Note" SET "tags" = "tags" || '["held"]'::jsonb WHERE "objectId" = $1"#, [.text(id)])
                    for input in [FieldInput.add(#"["x"]"#), .add(#"["y"]"#), .addUnique(#"["held", "z"]"#)] {
                        waiting.append(Task { try await store.update(className: "Note", objectId: id, fields: ["tags": input], context: .master) })
                    }
                    let blocked = try await waitUntil {
                        let result = try await observer.query("""
                            SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
                            """)
                        return result.first?.int(0) == 3
                    }
                    #expect(blocked)
                }
                for task in waiting { _ = try await task.value }
            }
            let final = try await Self.elements(f, id)
            #expect(final.first == "held" && final.sorted() == ["held", "x", "y", "z"], "\(final)")
        }
    }

    /// Large arrays take one sort or hash, not a comparison per pair: 40,000 elements against
    /// 40,000 would take 1.6 billion comparisons (tens of seconds) in a nested loop.
    @Test(.timeLimit(.minutes(1))) func largeArraysAreNotComparedPairwise() async throws {
        try await Self.withNotes("store_array_ops_large") { f throws in
            func numbers(_ range: StrideTo<Int>) -> String { "[" + range.map(String.init).joined(separator: ",") + "]" }
            let id = try await Self.note(f, "large", tags: numbers(stride(from: 0, to: 40_000, by: 1)))
            _ = try await f.store.update(className: "Note", objectId: id, fields: ["tags": .addUnique(numbers(stride(from: 20_000, to: 60_000, by: 1)))],
                                         context: .master)
            _ = try await f.store.update(className: "Note", objectId: id, fields: ["tags": .remove(numbers(stride(from: 1, to: 80_000, by: 2)))],
                                         context: .master)
            _ = try await f.store.create(className: "Note", fields: ["tags": .addUnique(numbers(stride(from: 0, to: 80_000, by: 1)))], context: .master)
            guard case .array(let json)? = try await f.store.get(className: "Note", objectId: id, context: .master)["tags"] else {
                Issue.record("tags not read")
                return
            }
            #expect(try JSONDecoder().decode([Int].self, from: Data(json.utf8)) == Array(stride(from: 0, to: 60_000, by: 2)))
        }
    }

    /// The Note's tags, as strings.
    static func elements(_ f: TestGateway, _ id: String) async throws -> [String] {
        guard case .array(let json)? = try await f.store.get(className: "Note", objectId: id, context: .master)["tags"] else { return [] }
        return try JSONDecoder().decode([String].self, from: Data(json.utf8))
    }

    @Test func wrongFieldsAndMalformedOperandsAreRefusedAndChangeNothing() async throws {
        try await Self.withNotes("store_array_ops_refused") { f throws in
            let id = try await Self.note(f, "kept", tags: #"["a"]"#)
            let owner = try await f.user("owner")
            let stranger = try await f.user("stranger")
            let owned = try await f.store.create(className: "Note", fields: ["title": .set(.string("owned")), "tags": .set(.array(#"["o"]"#))],
                                                 acl: .of(read: ["*"], write: [owner.id]), context: owner.access).objectId
            let company = try await f.store.create(className: "Company", fields: ["name": .set(.string("ACME"))], context: owner.access).objectId
            let before = try await f.pool.fingerprint("Note")
            let companies = try await f.pool.fingerprint("Company")
            let operations: [(String) -> FieldInput] = [FieldInput.add, FieldInput.addUnique, FieldInput.remove]

            // Only Array fields take them: 111, as an increment of a non-Number field.
            for field in ["title", "meta"] {
                for (operation, message) in zip(operations, ["Cannot add to", "Cannot add to", "Cannot remove from"]) {
                    for write in Self.writes(f, id, field: field, operation(#"["a"]"#)) {
                        do {
                            try await write()
                            Issue.record("\(field): accepted")
                        } catch let error as StoreError {
                            #expect(error.code == .incorrectType && error.message == "\(message) \(field).", "\(error)")
                        }
                    }
                }
            }
            // The objects must be a JSON array PostgreSQL reads: 111, without its parser's words.
            let operands = [#"{"a": 1}"#, #""a""#, "1", "null", "true", "", "   ", "[1,", #"["a""#, "[1] junk", "[\"a\u{0}\"]"]
                + JSONValueTests.badArrays
            for operand in operands {
                for operation in operations {
                    for write in Self.writes(f, id, field: "tags", operation(operand)) {
                        do {
                            try await write()
                            Issue.record("\(operand.prefix(40)): accepted")
                        } catch let error as StoreError {
                            #expect(error.code == .incorrectType, "\(operand.prefix(40)): \(error.debugDescription.prefix(300))")
                            #expect(!error.message.contains("json") && !error.message.contains("syntax"), "\(error.message)")
                        }
                    }
                }
            }
            // A field the caller may not write is refused as for any update: unknown or server-set
            // fields (105), an object whose ACL does not let the caller write (101).
            for operation in operations {
                await expectCode(.invalidKeyName) {
                    _ = try await f.store.update(className: "Note", objectId: id, fields: ["labels": operation("[]")], context: .master)
                }
                await expectCode(.invalidKeyName) {
                    _ = try await f.store.update(className: "Note", objectId: id, fields: ["objectId": operation("[]")], context: .master)
                }
                await expectCode(.invalidKeyName) {
                    _ = try await f.store.update(className: "Company", objectId: company, fields: ["createdBy": operation("[]")],
                                                 context: owner.access)
                }
                for caller in [stranger.access, .anonymous] {
                    await expectCode(.objectNotFound) {
                        _ = try await f.store.update(className: "Note", objectId: owned, fields: ["tags": operation(#"["o", "x"]"#)], context: caller)
                    }
                }
            }
            #expect(try await f.pool.fingerprint("Note") == before)
            #expect(try await f.pool.fingerprint("Company") == companies)
            // The owner may.
            #expect(try await f.store.update(className: "Note", objectId: owned, fields: ["tags": .addUnique(#"["o", "x"]"#)], context: owner.access)
                .object?["tags"] == .array(#"["o", "x"]"#))
        }
    }

    /// The update of `id` and a create, each writing `input` to `field`.
    static func writes(_ f: TestGateway, _ id: String, field: String, _ input: FieldInput) -> [() async throws -> Void] {
        [
            { _ = try await f.store.update(className: "Note", objectId: id, fields: [field: input], context: .master) },
            { _ = try await f.store.create(className: "Note", fields: ["title": .set(.string("new"))].merging([field: input]) { $1 }, context: .master) },
        ]
    }
}
