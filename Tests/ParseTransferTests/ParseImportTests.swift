import CRMStore
import DealGraphTesting
import Foundation
import PostgresClient
import Testing
@testable import ParseTransfer

/// `dealgraph import` and `dealgraph export` against a real PostgreSQL: a 10,000-object Parse
/// export made by the test comes in with passwords, ACLs, roles, pointers and sessions intact, a
/// second run changes nothing, and export, import, export again gives the same files.
@Suite("Moving in from Parse", .serialized, .timeLimit(.minutes(3)))
struct ParseImportTests {
    static func fingerprint(_ pool: PostgresPool) async throws -> [String] {
        var prints: [String] = []
        for table in ["_User", "_Role", "_Join:users:_Role", "_Join:roles:_Role", "_Session", "Company", "Contact", "Deal", "Activity"] {
            let result = try await pool.query("SELECT count(*)::text || ':' || COALESCE(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM \"\(table)\" t")
            prints.append(table + " " + (result.first?.string(0) ?? ""))
        }
        return prints
    }

    static func report(_ path: String) throws -> [JSONTree] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { try JSONTree(bytes: Array($0.utf8)) }
    }

    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)").path
    }

    @Test("10,000 objects: every user logs in with the original password, each user reads exactly the objects the source ACLs allowed, pointers resolve, a second run changes nothing")
    func importsAnExport() async throws {
        let fixture = try await ParseExportFixture.make()
        #expect(fixture.objectCount == 10_000)
        let folder = try fixture.write()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await TestGateway.run("import_parse") { f in
            let reportPath = Self.temporary("report")
            let report = try await ParseImport(path: folder, reportPath: reportPath).run(store: f.store)
            #expect(report.imported.map(\.count).reduce(0, +) == 9_999, "all but the session with a legacy token")
            let findings = try Self.report(reportPath)
            #expect(findings.filter { $0["kind"].string == "dangling" }.isEmpty, "every pointer names an imported object")
            #expect(findings.filter { $0["kind"].string == "unknownPrincipal" }.isEmpty)
            #expect(findings.filter { $0["kind"].string == "refused" }.isEmpty)
            let aside = findings.filter { $0["kind"].string == "aside" }
            #expect(Set(aside.compactMap { $0["field"].string }) == ["legacyScore", "_email_verify_token"])
            #expect(aside.filter { $0["field"].string == "legacyScore" }.count == 6)
            #expect(aside.filter { $0["field"].string == "_email_verify_token" }.allSatisfy { $0["value"].string == "(withheld)" }, "no token in the report")
            #expect(findings.contains { $0["kind"].string == "session" && $0["objectId"].string == ParseExportFixture.id("S", 2) },
                    "the legacy token is reported, not imported")
            let mode = try FileManager.default.attributesOfItem(atPath: reportPath)[.posixPermissions] as? Int
            #expect(mode == 0o600)

            // Passwords: Parse's hashes verify with DealGraph's log-in, a wrong password does not.
            var access: [String: AccessContext] = [:]
            for user in fixture.users {
                let result = try await f.store.logIn(username: user.username, password: user.password)
                #expect(result.user.objectId == user.id)
                access[user.id] = try await f.store.resolveSession(token: result.sessionToken)
            }
            await #expect(throws: StoreError.self) { try await f.store.logIn(username: "rep0", password: "pw-0-wrong") }

            // The ACL model check: in every class, each user reads exactly what the source ACLs
            // granted them (anonymous callers are refused by the classes' permissions before any ACL).
            for (className, readers) in fixture.readers {
                for user in fixture.users {
                    var principals: Set<String> = ["*", user.id]
                    for (role, holders) in fixture.roleHolders where holders.contains(user.id) { principals.insert("role:" + role) }
                    let expected = Set(readers.compactMap { id, readers in readers.map { !$0.isDisjoint(with: principals) } ?? true ? id : nil })
                    let seen = try await f.store.find(className: className, limit: nil, context: access[user.id]!)
                    #expect(Set(seen.map(\.objectId)) == expected, "\(className) as \(user.username)")
                }
            }

            // Pointers and relatedTo resolve, dates and numbers kept.
            let deal = try await f.store.get(className: "Deal", objectId: ParseExportFixture.id("D", 7), context: .master)
            #expect(deal["company"] == .pointer(className: "Company", objectId: ParseExportFixture.id("C", 7)))
            #expect(deal["assignedTo"] == .pointer(className: "_User", objectId: fixture.users[7].id))
            #expect(deal["amount"] == .number(87.5))
            #expect(deal["title"] == .string("Deal 7 \"quoted\" {braces} [brackets]"))
            #expect(deal["expectedCloseDate"] == .date(Date(timeIntervalSince1970: 1_700_000_000 + 7 * 86_400)))
            let activity = try await f.store.get(className: "Activity", objectId: ParseExportFixture.id("A", 3), context: .master)
            #expect(activity["relatedTo"] == .pointer(className: "Contact", objectId: ParseExportFixture.id("P", 3)))
            let onDeal = try await f.store.get(className: "Activity", objectId: ParseExportFixture.id("A", 5), context: .master)
            #expect(onDeal["relatedTo"] == .pointer(className: "Deal", objectId: ParseExportFixture.id("D", 5)))

            // The session in the export works, stored as its hash only.
            let session = try await f.store.resolveSession(token: fixture.sessionToken)
            #expect(session.userId == fixture.sessionUser)
            #expect(try await f.pool.query(#"SELECT count(*) FROM "_Session" WHERE "sessionToken" = $1"#, [.text(fixture.sessionToken)]).first?.int(0) == 0)

            // Running it again changes nothing, down to the row versions (xmin): no row is rewritten.
            let versions = #"SELECT md5(string_agg(xmin::text, ',' ORDER BY "objectId")) FROM "Deal""#
            let before = try await Self.fingerprint(f.pool), versionsBefore = try await f.pool.query(versions).first?.string(0)
            _ = try await ParseImport(path: folder, reportPath: reportPath).run(store: f.store)
            #expect(try await Self.fingerprint(f.pool) == before)
            #expect(try await f.pool.query(versions).first?.string(0) == versionsBefore)
            try? FileManager.default.removeItem(atPath: reportPath)
        }
    }

    @Test("export, import into an empty database, export again: the same files, readable by the owner only")
    func roundTrip() async throws {
        let fixture = try await ParseExportFixture.make(users: 6, companies: 20, contacts: 40, deals: 120, activities: 90)
        let source = try fixture.write()
        let first = Self.temporary("export-1"), second = Self.temporary("export-2"), reportPath = Self.temporary("report")
        defer { for path in [source, first, second, reportPath] { try? FileManager.default.removeItem(atPath: path) } }
        try await TestGateway.run("export_a") { a in
            _ = try await ParseImport(path: source, reportPath: reportPath).run(store: a.store)
            let written = try await ParseExport(path: first).run(store: a.store)
            #expect(written.first { $0.file == "Deal.json" }?.objects == 120)
            try await TestGateway.run("export_b") { b in
                _ = try await ParseImport(path: first, reportPath: reportPath).run(store: b.store)
                #expect(try await Self.fingerprint(b.pool) == Self.fingerprint(a.pool))
                _ = try await ParseExport(path: second).run(store: b.store)
            }
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: first).sorted()
        #expect(names == ["Activity.json", "Company.json", "Contact.json", "Deal.json", "_Join:roles:_Role.json", "_Join:users:_Role.json",
                          "_Role.json", "_Session.json", "_User.json"])
        for name in names {
            #expect(FileManager.default.contents(atPath: first + "/" + name) == FileManager.default.contents(atPath: second + "/" + name), "\(name)")
            #expect(try FileManager.default.attributesOfItem(atPath: first + "/" + name)[.posixPermissions] as? Int == 0o600)
        }
        let users = try String(contentsOfFile: first + "/_User.json", encoding: .utf8)
        #expect(users.contains("\"_hashed_password\":\"$2a$10$") && users.contains("\"_hashed_password\":\"$2b$10$"))
        #expect(!users.contains("$2y$"), "PHP's $2y$ is kept as the $2b$ it is")
    }
}
