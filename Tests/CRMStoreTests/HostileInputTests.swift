import DealGraphTesting
import Foundation
import PostgresClient
import Testing
@testable import CRMStore

/// Hostile input through every where operator, field name, order key, key and regex: a typed error
/// (never an internal/SQL error) or a harmless answer, and never a change to the data.
@Suite struct HostileInputTests {
    static let sqlStrings = ["'; DROP TABLE \"Deal\"; --", "\" OR 1=1 --", "$1", "\\x00", "title\"", "🙂\u{202E}", String(repeating: "A", count: 70_000)]
    static let badRegexes = ["(", "[a-", "a{2,1}", "(?i)x", "***:abc", "x\\", String(repeating: "(", count: 3000)]
    static let tables = ["Deal", "Company", "Contact", "Activity", "_User", "_Session", "_Role"]

    func fingerprints(_ f: TestGateway) async throws -> [String] {
        var result: [String] = []
        for table in Self.tables { result.append(try await f.pool.fingerprint(table)) }
        return result
    }

    /// Runs `body`: success is fine, a StoreError must not be internal (code 1).
    func attempt(_ label: String, _ body: () async throws -> Void) async {
        do {
            try await body()
        } catch let error as StoreError {
            #expect(error.code != .internalServerError, "\(label): \(error.debugDescription)")
        } catch {
            Issue.record("\(label): untyped error \(error)")
        }
    }

    @Test func hostileWhereOrderKeysAndRegexesGetTypedErrorsAndChangeNothing() async throws {
        try await TestGateway.run("store_hostile") { f in
            let user = try await f.user("victim")
            let company = try await f.store.create(className: "Company", fields: ["name": .set(.string("ACME"))], context: user.access).objectId
            try await f.deal("Row", amount: 10, extra: ["company": .set(.string(company))], as: user.access)
            let before = try await fingerprints(f)
            let store = f.store, context = user.access
            let fields = ["title", "amount", "expectedCloseDate", "company", "objectId", "createdAt"]
            let values: [FieldValue] = Self.sqlStrings.map(FieldValue.string) + [.number(.nan), .number(-.infinity), .bool(true),
                .date(.distantPast), .object("{\"a\":"), .array("[1,2"), .pointer(className: "_Session", objectId: "x'--")]
            for field in fields {
                for value in values {
                    let constraints: [FieldConstraint] = [.equalTo(value), .notEqualTo(value), .lessThan(value), .lessThanOrEqualTo(value),
                        .greaterThan(value), .greaterThanOrEqualTo(value), .in([value, value]), .notIn([value])]
                    for constraint in constraints {
                        await attempt("\(field) \(constraint)") { _ = try await store.find(className: "Deal", where: .field(field, [constraint]), context: context) }
                    }
                }
                for pattern in Self.badRegexes + Self.sqlStrings {
                    await attempt("regex \(field)") { _ = try await store.count(className: "Deal", where: .field(field, [.matchesRegex(pattern, options: "imsx")]), context: context) }
                }
                for language in ["english'; --", "pg_catalog.english", ""] {
                    await attempt("text \(field)") {
                        _ = try await store.find(className: "Deal", where: .field(field, [.text(TextSearch(term: "x'", language: language))]), context: context)
                    }
                }
            }
            for name in Self.sqlStrings + ["_rperm", "_wperm", "_hashed_password", "password", "ACL", "Deal.title", "title;"] {
                await expectCode(.invalidQuery) { _ = try await store.find(className: "Deal", where: .field(name, [.exists(true)]), context: context) }
                await expectCode(.invalidQuery) { _ = try await store.find(className: "Deal", order: [.descending(name)], context: context) }
                if name != "ACL" { await expectCode(.invalidQuery) { _ = try await store.find(className: "Deal", keys: [name], context: context) } }
                await expectCode(.invalidQuery) { _ = try await store.loadReverse(className: "Deal", pointerField: name, parentIds: [company], context: context) }
                await attempt("class \(name)") { _ = try await store.count(className: name, context: context) }
                await attempt("ids \(name)") {
                    let loaded = try await store.loadByIds(className: "Deal", ids: [name], context: context)
                    #expect(loaded == [nil])
                }
            }
            // Structure: deep nesting, huge lists, negative paging, sub-filters on non-pointers.
            var deep = WhereClause.field("title", [.exists(true)])
            for _ in 0..<50 { deep = .or([deep]) }
            await expectCode(.invalidQuery) { _ = try await store.find(className: "Deal", where: deep, context: context) }
            var deepHave = WhereClause.field("name", [.exists(true)])
            for _ in 0..<20 { deepHave = .field("company", [.have(deepHave, targetClass: nil)]) }
            await attempt("deep have") { _ = try await store.find(className: "Deal", where: deepHave, context: context) }
            await expectCode(.invalidQuery) { _ = try await store.find(className: "Deal", where: .field("title", [.in(Array(repeating: .string("x"), count: 20_001))]), context: context) }
            await expectCode(.invalidQuery) { _ = try await store.find(className: "Deal", skip: -1, context: context) }
            await expectCode(.invalidQuery) { _ = try await store.find(className: "Deal", limit: -5, context: context) }
            await expectCode(.invalidQuery) { _ = try await store.find(className: "Deal", where: .field("title", [.have(.and([]), targetClass: nil)]), context: context) }
            await expectCode(.invalidQuery) { _ = try await store.find(className: "Deal", where: .field("title", [.matchesRegex("a", options: "g")]), context: context) }
            await expectCode(.invalidQuery) { _ = try await store.find(className: "Deal", where: .field("title", [.text(TextSearch(term: "a", caseSensitive: true))]), context: context) }
            await expectCode(.incorrectType) { _ = try await store.find(className: "Deal", where: .field("amount", [.equalTo(.string("1"))]), context: context) }
            #expect(try await fingerprints(f) == before)
        }
    }

    @Test func invalidRegexIsTypedEvenOnAnEmptyTable() async throws {
        try await TestGateway.run("store_hostile_regex") { f in
            let user = try await f.user("user")
            for pattern in Self.badRegexes {
                await expectCode(.invalidQuery) { _ = try await f.store.find(className: "Activity", where: .field("subject", [.matchesRegex(pattern, options: nil)]), context: user.access) }
                await expectCode(.invalidQuery) {
                    _ = try await f.store.count(className: "Activity", where: .or([.field("subject", [.exists(true)]), .field("type", [.matchesRegex(pattern, options: "i")])]),
                                                context: user.access)
                }
            }
            // Options keep JavaScript meaning: without s, "." does not cross a newline; m anchors lines.
            try await f.deal("line one\nline two", as: user.access)
            let count = { (pattern: String, options: String?) in
                try await f.store.count(className: "Deal", where: .field("title", [.matchesRegex(pattern, options: options)]), context: user.access)
            }
            #expect(try await count("one.line", nil) == 0)
            #expect(try await count("one.line", "s") == 1)
            #expect(try await count("^line two$", nil) == 0)
            #expect(try await count("^line two$", "m") == 1)
            #expect(try await count("LINE", "i") == 1)
            #expect(try await count("l i n e", "x") == 1)
        }
    }

    @Test func hostileWritesChangeNothing() async throws {
        try await TestGateway.run("store_hostile_write") { f in
            let user = try await f.user("writer")
            let id = try await f.deal("Keep", amount: 1, as: user.access)
            let before = try await fingerprints(f)
            let store = f.store, context = user.access
            let inputs: [[String: FieldInput]] = [
                ["amount": .set(.string("1; DROP TABLE x"))], ["amount": .set(.number(.infinity))], ["title": .set(.string("a\u{0}b"))],
                ["company": .set(.string("'; --"))], ["company": .set(.pointer(className: "_Session", objectId: "abc"))],
                ["relatedTo": .set(.string("abc"))], ["title\"": .set(.string("x"))], ["createdBy": .set(.string(user.id))],
                ["amount": .increment(.nan)], ["title": .increment(1)], ["expectedCloseDate": .set(.object("{}"))],
                ["company": .createAndLink(className: nil, fields: ["bogus": .set(.string("x"))], acl: nil)],
                ["contact": .createAndLink(className: nil, fields: ["name": .set(.string("ok"))], acl: ACL(readers: [.user("role:Admin")]))],
            ]
            for input in inputs {
                await attempt("update \(input)") { _ = try await store.update(className: "Deal", objectId: id, fields: input, context: context) }
                var create = input
                if create["title"] == nil { create["title"] = .set(.string("t")) }
                await attempt("create \(input)") { _ = try await store.create(className: "Deal", fields: create, context: context) }
            }
            await expectCode(.objectNotFound) { _ = try await store.update(className: "Deal", objectId: "x' OR '1'='1", fields: [:], context: context) }
            await expectCode(.objectNotFound) { try await store.delete(className: "Deal", objectId: "\" OR TRUE --", context: context) }
            await expectCode(.invalidEmailAddress) { _ = try await store.signUp(username: "u1", password: "p", email: "not-an-email") }
            await expectCode(.invalidSessionToken) { _ = try await store.resolveSession(token: "r:" + String(repeating: "g", count: 32)) }
            await expectCode(.objectNotFound) { _ = try await store.logIn(username: "' OR 1=1 --", password: "x") }
            #expect(try await fingerprints(f) == before)
        }
    }
}
