import DealGraphTesting
import Foundation
import PostgresClient
import Testing
@testable import CRMStore

/// `inQueryKey` / `notInQueryKey` (Parse `$select` / `$dontSelect`): the sub-query reads only
/// what the caller may find, and only keys the caller may query.
@Suite struct KeyQueryTests {
    /// Companies Acme (alice's, private), Globex (bob's, private) and Initech (public, no
    /// industry); deals titled Acme, Globex, Initech and Hooli, readable by everyone, each
    /// pointing at the company of its name (Hooli at none).
    struct World {
        let f: TestGateway
        let alice: TestGateway.User, bob: TestGateway.User, carol: TestGateway.User
        let companies: [String: String]
        let deals: [String: String]

        func titles(_ clause: WhereClause, _ context: AccessContext, store: CRMStore? = nil) async throws -> [String] {
            let objects = try await (store ?? f.store).find(className: "Deal", where: clause, context: context)
            return objects.compactMap { $0["title"]?.stringValue }.sorted()
        }
    }

    /// Runs `body` on a new gateway holding the world.
    static func withWorld(_ prefix: String, _ body: (World) async throws -> Void) async throws {
        try await TestGateway.run(prefix) { f in
            let alice = try await f.user("alice"), bob = try await f.user("bob"), carol = try await f.user("carol")
            var companies: [String: String] = [:]
            companies["Acme"] = try await f.store.create(className: "Company", fields: ["name": .set(.string("Acme")), "industry": .set(.string("Software"))],
                                                         context: alice.access).objectId
            companies["Globex"] = try await f.store.create(className: "Company", fields: ["name": .set(.string("Globex")), "industry": .set(.string("Retail"))],
                                                           context: bob.access).objectId
            companies["Initech"] = try await f.store.create(className: "Company", fields: ["name": .set(.string("Initech"))],
                                                            acl: .of(read: ["*"], write: []), context: .master).objectId
            var deals: [String: String] = [:]
            for title in ["Acme", "Globex", "Initech", "Hooli"] {
                let company: [String: FieldInput] = companies[title].map { ["company": .set(.string($0))] } ?? [:]
                deals[title] = try await f.deal(title, acl: .of(read: ["*"], write: []), extra: company, as: .master)
            }
            try await body(World(f: f, alice: alice, bob: bob, carol: carol, companies: companies, deals: deals))
        }
    }

    @Test func keysComeOnlyFromObjectsTheCallerMayRead() async throws {
        try await Self.withWorld("store_keyquery_access") { w in
            let names = KeyQuery(className: "Company", key: "name")
            let byCaller: [(AccessContext, [String])] = [
                (w.alice.access, ["Acme", "Initech"]), (w.bob.access, ["Globex", "Initech"]), (w.carol.access, ["Initech"]),
                (.master, ["Acme", "Globex", "Initech"]),
            ]
            for (context, expected) in byCaller {
                #expect(try await w.titles(.field("title", [.inQueryKey(names)]), context) == expected)
                let rest = ["Acme", "Globex", "Hooli", "Initech"].filter { !expected.contains($0) }
                #expect(try await w.titles(.field("title", [.notInQueryKey(names)]), context) == rest)
                #expect(try await w.f.store.count(className: "Deal", where: .field("title", [.inQueryKey(names)]), context: context) == expected.count)
            }
            // Bob's company is Retail: for alice the sub-query finds nothing, however the where is phrased.
            let retail = KeyQuery(className: "Company", where: .field("industry", [.equalTo(.string("Retail"))]), key: "name")
            #expect(try await w.titles(.field("title", [.inQueryKey(retail)]), w.alice.access) == [])
            #expect(try await w.titles(.field("title", [.inQueryKey(retail)]), w.bob.access) == ["Globex"])
            let anyIndustry = KeyQuery(className: "Company", where: .or([.field("industry", [.exists(true)]), .field("name", [.matchesRegex("^G", options: nil)])]),
                                       key: "name")
            #expect(try await w.titles(.field("title", [.inQueryKey(anyIndustry)]), w.alice.access) == ["Acme"])
            // A pointer compared with objectIds, and with another class's pointer to the same class.
            let ids = KeyQuery(className: "Company", key: "objectId")
            #expect(try await w.titles(.field("company", [.inQueryKey(ids)]), w.alice.access) == ["Acme", "Initech"])
            #expect(try await w.titles(.field("company", [.notInQueryKey(ids)]), w.alice.access) == ["Globex", "Hooli"])
            _ = try await w.f.store.create(className: "Contact", fields: ["name": .set(.string("Ann")), "company": .set(.string(w.companies["Acme"]!))],
                                           context: w.alice.access)
            let contacted = KeyQuery(className: "Contact", key: "company")
            #expect(try await w.titles(.field("company", [.inQueryKey(contacted)]), w.alice.access) == ["Acme"])
            #expect(try await w.titles(.field("company", [.inQueryKey(contacted)]), w.bob.access) == [])
            // The sub-query class's CLP applies: find closed on Company refuses, even with Deal open.
            let closed = try await w.f.store(permissions: ClassLevelPermissions(operations: [.get: .open, .count: .open]), for: "Company")
            await expectCode(.operationForbidden) { _ = try await w.titles(.field("title", [.inQueryKey(names)]), w.alice.access, store: closed) }
            await expectCode(.operationForbidden) { _ = try await w.titles(.field("title", [.notInQueryKey(names)]), w.alice.access, store: closed) }
            #expect(try await w.titles(.field("title", [.inQueryKey(names)]), .master, store: closed) == ["Acme", "Globex", "Initech"])
            // Pointer permissions of the sub-query class restrict it too: only companies alice created.
            let own = try await w.f.store(permissions: ClassLevelPermissions(operations: [:], readUserFields: ["createdBy"]), for: "Company")
            _ = try await w.f.store.update(className: "Company", objectId: w.companies["Globex"]!, fields: [:], acl: .of(read: ["*"], write: []), context: .master)
            #expect(try await w.titles(.field("title", [.inQueryKey(names)]), w.alice.access) == ["Acme", "Globex", "Initech"])
            #expect(try await w.titles(.field("title", [.inQueryKey(names)]), w.alice.access, store: own) == ["Acme"])
        }
    }

    @Test func polymorphicPointersCompareTheClassToo() async throws {
        try await Self.withWorld("store_keyquery_poly") { w in
            // A contact whose objectId equals the Acme deal's: only the class tells them apart.
            let twin = w.deals["Acme"]!
            try await w.f.store.bulkImport(className: "Contact", objects: [
                BulkObject(objectId: twin, createdAt: Date(), readers: ["*"], writers: [], values: ["name": "Twin"]),
            ], context: .master)
            _ = try await w.f.store.update(className: "Deal", objectId: w.deals["Globex"]!, fields: ["contact": .set(.string(twin))], context: .master)
            var activities: [String: String] = [:]
            for (subject, className) in [("on deal", "Deal"), ("on contact", "Contact")] {
                activities[subject] = try await w.f.store.create(className: "Activity", fields: [
                    "subject": .set(.string(subject)), "relatedTo": .set(.pointer(className: className, objectId: twin)),
                ], acl: .of(read: ["*"], write: []), context: .master).objectId
            }
            activities["unrelated"] = try await w.f.store.create(className: "Activity", fields: ["subject": .set(.string("unrelated"))],
                                                                 acl: .of(read: ["*"], write: []), context: .master).objectId
            func subjects(_ constraint: FieldConstraint) async throws -> [String] {
                try await w.f.store.find(className: "Activity", where: .field("relatedTo", [constraint]), context: w.carol.access)
                    .compactMap { $0["subject"]?.stringValue }.sorted()
            }
            let dealIds = KeyQuery(className: "Deal", key: "objectId")
            #expect(try await subjects(.inQueryKey(dealIds)) == ["on deal"])
            #expect(try await subjects(.notInQueryKey(dealIds)) == ["on contact", "unrelated"])
            let dealContacts = KeyQuery(className: "Deal", key: "contact")
            #expect(try await subjects(.inQueryKey(dealContacts)) == ["on contact"])
            let related = KeyQuery(className: "Activity", where: .field("subject", [.equalTo(.string("on contact"))]), key: "relatedTo")
            #expect(try await subjects(.inQueryKey(related)) == ["on contact"])
            await expectCode(.invalidQuery) { _ = try await subjects(.inQueryKey(KeyQuery(className: "Company", key: "objectId"))) }
            await expectCode(.invalidQuery) { _ = try await subjects(.inQueryKey(KeyQuery(className: "Deal", key: "company"))) }
            await expectCode(.invalidQuery) { _ = try await w.titles(.field("company", [.inQueryKey(related)]), w.carol.access) }
        }
    }

    @Test func refusesKeysClassesAndPairingsItMayNotUse() async throws {
        try await Self.withWorld("store_keyquery_refused") { w in
            let tables = ["Deal", "Company", "Contact", "_User", "_Session", "_Role"]
            var before: [String] = []
            for table in tables { before.append(try await w.f.pool.fingerprint(table)) }
            let context = w.alice.access
            func select(_ query: KeyQuery, on field: String = "title", as caller: AccessContext? = nil) async throws {
                _ = try await w.f.store.find(className: "Deal", where: .field(field, [.inQueryKey(query)]), context: caller ?? context)
                _ = try await w.f.store.count(className: "Deal", where: .field(field, [.notInQueryKey(query)]), context: caller ?? context)
            }
            for key in HostileInputTests.sqlStrings + ["nope", "password", "_hashed_password", "ACL", "_rperm", "_wperm", "Company.name", "name;"] {
                await expectCode(.invalidQuery) { try await select(KeyQuery(className: "Company", key: key)) }
            }
            for className in HostileInputTests.sqlStrings + ["Nope", "_Session", "_Role", "_SCHEMA", "_Join:users:_Role", "pg_authid", "",
                                                             "Company\"; DROP TABLE \"Deal\"; --", "company"] {
                await expectCode(.operationForbidden) { try await select(KeyQuery(className: className, key: "objectId")) }
            }
            let pairings: [(String, KeyQuery)] = [
                ("amount", KeyQuery(className: "Company", key: "name")), ("title", KeyQuery(className: "Deal", key: "amount")),
                ("title", KeyQuery(className: "Deal", key: "company")), ("company", KeyQuery(className: "Deal", key: "objectId")),
                ("company", KeyQuery(className: "Company", key: "name")), ("company", KeyQuery(className: "Deal", key: "contact")),
                ("objectId", KeyQuery(className: "Deal", key: "company")), ("expectedCloseDate", KeyQuery(className: "Deal", key: "amount")),
                ("createdAt", KeyQuery(className: "Company", key: "objectId")), ("company", KeyQuery(className: "Company", key: "createdAt")),
            ]
            for (field, query) in pairings {
                await expectCode(.invalidQuery) { try await select(query, on: field) }
            }
            // Same types pair: dates with dates, strings with objectIds.
            try await select(KeyQuery(className: "Company", key: "createdAt"), on: "expectedCloseDate")
            try await select(KeyQuery(className: "Company", key: "objectId"))
            // Protected keys and protected fields in the sub-query's where: 119.
            await expectCode(.operationForbidden) { try await select(KeyQuery(className: "_User", key: "email")) }
            await expectCode(.operationForbidden) {
                try await select(KeyQuery(className: "_User", where: .field("email", [.equalTo(.string("bob@example.com"))]), key: "username"))
            }
            var clp = w.f.store.model.definition("Company")!.permissions
            clp.protectedFields = ["*": ["notes"]]
            let protected = try await w.f.store(permissions: clp, for: "Company")
            for query in [KeyQuery(className: "Company", key: "notes"), KeyQuery(className: "Company", where: .field("notes", [.exists(true)]), key: "name")] {
                await expectCode(.operationForbidden) { _ = try await protected.find(className: "Deal", where: .field("title", [.inQueryKey(query)]), context: context) }
                _ = try await protected.find(className: "Deal", where: .field("title", [.inQueryKey(query)]), context: .master)
            }
            await expectCode(.objectNotFound) { try await select(KeyQuery(className: "Company", key: "name"), as: .anonymous) }
            var after: [String] = []
            for table in tables { after.append(try await w.f.pool.fingerprint(table)) }
            #expect(after == before)
        }
    }

    @Test func emptySubqueriesAndUnsetKeysMatchNothingForInAndEverythingForNotIn() async throws {
        try await Self.withWorld("store_keyquery_empty") { w throws in
            let all = ["Acme", "Globex", "Hooli", "Initech"]
            for clause in [WhereClause.field("name", [.equalTo(.string("nothing"))]), .or([]), .field("objectId", [.in([])])] {
                let nothing = KeyQuery(className: "Company", where: clause, key: "name")
                #expect(try await w.titles(.field("title", [.inQueryKey(nothing)]), .master) == [])
                #expect(try await w.titles(.field("title", [.notInQueryKey(nothing)]), .master) == all)
            }
            // Initech has no industry: an unset key is left out, so NOT IN still answers.
            let industries = KeyQuery(className: "Company", key: "industry")
            #expect(try await w.titles(.field("title", [.notInQueryKey(industries)]), .master) == all)
            #expect(try await w.titles(.field("title", [.inQueryKey(industries)]), .master) == [])
            // Unset fields never are in, always are not in.
            #expect(try await w.titles(.field("notes", [.inQueryKey(KeyQuery(className: "Company", key: "name"))]), .master) == [])
            #expect(try await w.titles(.field("notes", [.notInQueryKey(KeyQuery(className: "Company", key: "name"))]), .master) == all)
            // The class itself, an empty class.
            #expect(try await w.titles(.field("title", [.inQueryKey(KeyQuery(className: "Deal", key: "title"))]), w.carol.access) == all)
            #expect(try await w.titles(.field("title", [.inQueryKey(KeyQuery(className: "Activity", key: "subject"))]), w.carol.access) == [])
        }
    }

    @Test func nestingAndConstraintLimitsCountSubqueries() async throws {
        try await Self.withWorld("store_keyquery_limits") { w throws in
            func chain(_ levels: Int) -> WhereClause {
                var clause = WhereClause.field("name", [.exists(true)])
                for _ in 0..<levels { clause = .field("name", [.inQueryKey(KeyQuery(className: "Company", where: clause, key: "name"))]) }
                return clause
            }
            #expect(try await w.f.store.count(className: "Company", where: chain(WhereCompiler.maximumDepth), context: .master) == 3)
            await expectCode(.invalidQuery) { _ = try await w.f.store.count(className: "Company", where: chain(WhereCompiler.maximumDepth + 1), context: .master) }
            await expectCode(.invalidQuery) { _ = try await w.f.store.count(className: "Company", where: chain(50), context: .master) }
            let wide = WhereClause.and(Array(repeating: .field("name", [.exists(true)]), count: WhereCompiler.maximumConstraints))
            await expectCode(.invalidQuery) {
                _ = try await w.f.store.count(className: "Deal", where: .field("title", [.inQueryKey(KeyQuery(className: "Company", where: wide, key: "name"))]),
                                              context: .master)
            }
            let nestedWide = WhereClause.field("title", [.inQueryKey(KeyQuery(className: "Company", where: .field("name", [.inQueryKey(KeyQuery(className: "Company", where: wide, key: "name"))]), key: "name"))])
            await expectCode(.invalidQuery) { _ = try await w.f.store.find(className: "Deal", where: nestedWide, context: .master) }
        }
    }
}
