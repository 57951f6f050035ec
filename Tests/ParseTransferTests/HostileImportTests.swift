import CRMStore
import DealGraphTesting
import Foundation
import Testing
@testable import ParseTransfer

/// Files that must not get in: each is refused with words naming the file and the object, and the
/// transaction leaves nothing behind (also not the good files imported before it).
@Suite("Hostile import files", .serialized, .timeLimit(.minutes(2)))
struct HostileImportTests {
    static let created = "\"createdAt\": \"2024-01-01T00:00:00.000Z\""
    static let goodUsers = "{\"results\": [{\"objectId\": \"U1\", \(created), \"username\": \"ann\", \"email\": \"ann@example.com\", \"_hashed_password\": \"$2b$10$abcdefghijklmnopqrstuu4W5F3Gq1lNwJHb0vLY3lcAWdQGWvMeG\"}]}"

    static func folder(_ files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name).json")) }
        return folder
    }

    static func rows(_ f: TestGateway) async throws -> Int {
        var total = 0
        for table in ["_User", "_Role", "_Session", "Company", "Contact", "Deal", "Activity"] {
            total += try await f.pool.query("SELECT count(*)::int FROM \"\(table)\"").first?.int(0) ?? -1
        }
        return total
    }

    @Test("broken JSON, wrong types, hostile names and ids, a clear-text password, deep nesting and a 1 GiB string are refused; nothing is imported")
    func refused() async throws {
        let deep = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        let cases: [(String, String, String)] = [
            ("Company", "{\"results\": [{\"objectId\": \"C1\", \(Self.created), \"name\": \"A\"}, {\"objectId\": \"C2\", \"name\": ]}", "object 2 is not valid JSON"),
            ("Company", "{\"results\": [{\"objectId\": \"C1\", \(Self.created), \"name\": \"A\"", "the file ends inside object 1"),
            ("Company", "{\"results\": 5}", "\"results\" is not a list of objects"),
            ("Company", "hello", "expected {\"results\": [...]}"),
            ("Company", "[1, 2]", "object 1 is not a JSON object"),
            ("Company", "", "the file is empty"),
            ("Deal", "{\"results\": [{\"objectId\": \"D1\", \(Self.created), \"title\": \"T\", \"amount\": \"lots\"}]}", "amount is not a Number"),
            ("Deal", "{\"results\": [{\"objectId\": \"D1\", \(Self.created), \"title\": \"T\", \"company\": {\"__type\": \"Pointer\", \"className\": \"Deal\", \"objectId\": \"x\"}}]}",
             "company is not a Pointer to Company"),
            ("Company", "{\"results\": [{\"objectId\": \"C3\", \(Self.created), \"name\": \"A\", \"name\\\"; DROP TABLE \\\"Company\\\"; --\": 1}]}", "invalid field name"),
            ("Company", "{\"results\": [{\"objectId\": \"x'; DROP TABLE \\\"Company\\\"; --\", \(Self.created), \"name\": \"A\"}]}", "objectId is not an objectId"),
            ("Company", "{\"results\": [{\"objectId\": \"C4\", \(Self.created), \"name\": \"A\", \"ACL\": {\"role:\": {\"read\": \"yes\"}}}]}", "ACL is not a Parse ACL"),
            ("Company", "{\"results\": [{\"objectId\": \"C5\", \(Self.created), \"name\": \"A\", \"notes\": \(deep)}]}", "object 1 is not valid JSON"),
            ("Company", "{\"results\": [{\"objectId\": \"C7\", \"name\": \"A\"}]}", "createdAt is missing"),
            ("_Session", "{\"results\": [{\"objectId\": \"S1\", \(Self.created), \"user\": \"U1\"}]}", "a session needs its sessionToken"),
        ]
        try await TestGateway.run("import_hostile") { f in
            for (className, text, expected) in cases {
                let folder = try Self.folder(["_User": Self.goodUsers, className: text])
                defer { try? FileManager.default.removeItem(atPath: folder) }
                let reportPath = folder + "/report.jsonl"
                do {
                    _ = try await ParseImport(path: folder, reportPath: reportPath).run(store: f.store)
                    Issue.record("\(expected): imported")
                } catch let error as TransferError {
                    #expect(error.description.contains(expected), "\(error.description.prefix(300))")
                    #expect(error.description.contains("\(className).json"))
                    #expect(error.description.count < 600, "the message quotes no huge value")
                }
                #expect(try await Self.rows(f) == 0, "nothing imported: \(expected)")
            }
            // A 1 GiB string (a sparse file: no disk used) is refused after 16 MiB have been read.
            let big = try Self.folder(["_User": Self.goodUsers])
            defer { try? FileManager.default.removeItem(atPath: big) }
            let head = "{\"results\": [{\"objectId\": \"C6\", \(Self.created), \"name\": \"", tail = "\"}]}"
            #expect(FileManager.default.createFile(atPath: big + "/Company.json", contents: Data(head.utf8)))
            let handle = try #require(FileHandle(forWritingAtPath: big + "/Company.json"))
            try handle.seek(toOffset: UInt64(head.utf8.count) + (1 << 30))
            try handle.write(contentsOf: Data(tail.utf8))
            try handle.close()
            do {
                _ = try await ParseImport(path: big, reportPath: big + "/report.jsonl").run(store: f.store)
                Issue.record("a 1 GiB string was imported")
            } catch let error as TransferError {
                #expect(error.description.contains("Company.json: object 1 is larger than 16 MiB"), "\(error)")
            }
            #expect(try await Self.rows(f) == 0)

            // A clear-text password is refused and written nowhere: not in the message, not in the report.
            let folder = try Self.folder(["_User": "{\"results\": [{\"objectId\": \"U2\", \(Self.created), \"username\": \"bo\", \"password\": \"hunter2-secret\"}]}"])
            defer { try? FileManager.default.removeItem(atPath: folder) }
            var message = ""
            do { _ = try await ParseImport(path: folder, reportPath: folder + "/report.jsonl").run(store: f.store) } catch { message = "\(error)" }
            #expect(message.contains("clear-text password") && !message.contains("hunter2"))
            #expect(!(try String(contentsOfFile: folder + "/report.jsonl", encoding: .utf8)).contains("hunter2"))
            #expect(try await f.pool.query("SELECT count(*)::int FROM \"Company\"").first?.int(0) == 0, "the table is still there and empty")
        }
    }

    @Test("--skip-refused imports the rest and lists each refused object; pointers to missing objects and unknown ACL entries are reported")
    func skipRefusedAndReport() async throws {
        let deals = """
            {"results": [
            {"objectId": "D1", \(Self.created), "title": "Good", "company": {"__type": "Pointer", "className": "Company", "objectId": "Gone1"}, "ACL": {"role:Ghosts": {"read": true}, "NoSuchUser9": {"read": true}}},
            {"objectId": "D2", \(Self.created), "title": "Bad", "amount": "lots"},
            {"objectId": "D3", \(Self.created), "title": "Also good", "stage": "won"}
            ]}
            """
        let folder = try Self.folder(["Deal": deals, "Unknown": "{\"results\": []}"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await TestGateway.run("import_skip") { f in
            var job = ParseImport(path: folder, reportPath: folder + "/report.jsonl")
            job.skipRefused = true
            let report = try await job.run(store: f.store)
            #expect(report.imported.map(\.file) == ["Deal.json"] && report.imported.first?.count == 2)
            let findings = try String(contentsOfFile: folder + "/report.jsonl", encoding: .utf8).split(separator: "\n").map { try JSONTree(bytes: Array($0.utf8)) }
            let refused = findings.filter { $0["kind"].string == "refused" }
            #expect(refused.count == 1 && refused.first?["reason"].string == "amount is not a Number" && refused.first?["objectId"].string == "\"D2\"")
            let dangling = try #require(findings.first { $0["kind"].string == "dangling" })
            #expect(dangling["class"].string == "Deal" && dangling["field"].string == "company" && dangling["examples"].array.first?.string == "Gone1")
            #expect(Set(findings.filter { $0["kind"].string == "unknownPrincipal" }.compactMap { $0["principal"].string }) == ["role:Ghosts", "NoSuchUser9"])
            #expect(findings.contains { $0["kind"].string == "file" && ($0["file"].string ?? "").hasSuffix("Unknown.json") })
            #expect(try await f.store.count(className: "Deal", context: .master) == 2)
            #expect(report.summary.contains("1 objects refused"))
        }
    }

    @Test("the reader takes {\"results\"} with other keys, arrays, JSON lines and a BOM, with objects across its 1 MiB reads")
    func readerShapes() throws {
        let objects = (0..<3_000).map { "{\"objectId\": \"X\($0)\", \"text\": \"\(String(repeating: "}]\\\"{[", count: 60))\"}" }
        let shapes = [
            "{\"results\": [" + objects.joined(separator: ", ") + "], \"count\": {\"nested\": [1, 2]}}",
            "\u{FEFF}[\n" + objects.joined(separator: ",\n") + "\n]",
            objects.joined(separator: "\n") + "\n",
            "{\"results\":[]}",
        ]
        for (index, text) in shapes.enumerated() {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("reader-\(UUID().uuidString).json").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            var reader = try ExportFileReader(path: path)
            var seen: [String] = []
            while let bytes = try reader.next() { seen.append(String(decoding: bytes, as: UTF8.self)) }
            #expect(seen == (index == 3 ? [] : objects), "shape \(index)")
        }
        let trailing = FileManager.default.temporaryDirectory.appendingPathComponent("reader-\(UUID().uuidString).json").path
        try Data("[{\"a\": 1}] extra".utf8).write(to: URL(fileURLWithPath: trailing))
        defer { try? FileManager.default.removeItem(atPath: trailing) }
        var reader = try ExportFileReader(path: trailing)
        #expect(try reader.next() != nil)
        #expect(throws: TransferError.self) { try reader.next() }
    }
}
