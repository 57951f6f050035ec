import DealGraphTesting
import Foundation
import PostgresClient
import Testing
@testable import CRMStore

/// Object and Array values are JSON text that PostgreSQL reads (jsonb): what it refuses is 111
/// "Invalid value.", nothing is written, and the store keeps serving.
@Suite struct JSONValueTests {
    static let depth = 100_000
    static let deepObject = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
    static let deepArray = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)

    static let badObjects = [
        #"{"a":"#, #"{"a":1} junk"#, #"{'a': 1}"#, #"{"a": NaN}"#, #"{"a": undefined}"#, #"{"a" 1}"#, #"{"a":1,}"#, "{", "{}}",
        #"{"a": "\u0000"}"#, #"{"a": "\ud800"}"#, #"{"a": "x\"}"#, "{\"a\": \"\u{1}\"}", deepObject,
    ]
    static let badArrays = [
        "[1,2", "[1,2]]", "[1 2]", "[,]", "[", #"["a\x"]"#, #"["\u0000"]"#, "[01]", "[.5]", "[+1]", "[-]", "[tru]", deepArray,
    ]

    @Test func refusedJSONIsIncorrectTypeAndWritesNothing() async throws {
        try await TestGateway.run("store_json_refused", configure: { $0.model = try DocumentModel.make() }) { f in
            let id = try await f.store.create(className: "Note", fields: ["title": .set(.string("kept")), "meta": .set(.object(#"{"a":1}"#)),
                                                                         "tags": .set(.array("[1]"))], context: .master).objectId
            let before = try await f.pool.fingerprint("Note")
            let store = f.store
            func attempt(_ label: String, _ body: () async throws -> Void) async {
                do {
                    try await body()
                    Issue.record("\(label.prefix(80)): accepted")
                } catch let error as StoreError {
                    #expect(error.code == .incorrectType, "\(label.prefix(80)): \(error.debugDescription.prefix(300))")
                    #expect(!error.message.contains("json") && !error.message.contains("syntax"), "\(error.message)")
                } catch {
                    Issue.record("\(label.prefix(80)): \(error)")
                }
            }
            for (field, inputs) in [("meta", Self.badObjects.map(FieldValue.object)), ("tags", Self.badArrays.map(FieldValue.array))] {
                for value in inputs {
                    let label = "\(field) \(value)"
                    await attempt("create " + label) {
                        _ = try await store.create(className: "Note", fields: ["title": .set(.string("new")), field: .set(value)], context: .master)
                    }
                    await attempt("update " + label) { _ = try await store.update(className: "Note", objectId: id, fields: [field: .set(value)], context: .master) }
                    await attempt("equalTo " + label) { _ = try await store.find(className: "Note", where: .field(field, [.equalTo(value)]), context: .master) }
                    await attempt("in " + label) { _ = try await store.count(className: "Note", where: .field(field, [.in([value])]), context: .master) }
                }
            }
            #expect(try await f.pool.fingerprint("Note") == before)
            // The store keeps serving: the refusals were statement errors, the pooled connections
            // (read here concurrently) stay usable.
            let kept = try await withThrowingTaskGroup(of: StoredObject.self) { group in
                for _ in 0..<8 { group.addTask { try await store.get(className: "Note", objectId: id, context: .master) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(kept.count == 8 && kept.allSatisfy { $0["meta"] == .object(#"{"a": 1}"#) && $0["tags"] == .array("[1]") })
            // Nesting is bounded by PostgreSQL's stack alone: 2,000 levels are stored (the 32-level
            // bound of the former JSON check is gone).
            let nested = String(repeating: #"{"a":"#, count: 2_000) + "1" + String(repeating: "}", count: 2_000)
            let written = try await f.store.create(className: "Note", fields: ["meta": .set(.object(nested))], context: .master)
            guard case .object(let stored)? = written.object?["meta"] else { Issue.record("meta not returned"); return }
            #expect(stored.filter { $0 == "{" }.count == 2_000)
            _ = try await f.store.update(className: "Note", objectId: id, fields: ["meta": .set(.object(#"{"b": [true, null, "x"]}"#))], context: .master)
            #expect(try await f.store.count(className: "Note", where: .field("meta", [.equalTo(.object(#"{"b":[true,null,"x"]}"#))]), context: .master) == 1)
        }
    }
}
