import CRMStore
import GraphQLEngine

/// What an import did and what it could not, written as it goes to a report file of JSON lines
/// (one finding per line, so a million findings take no memory) and summed up for the terminal.
public final class ImportReport {
    public let path: String
    private let file: PrivateFile
    /// Objects imported per file and the seconds the file took, in import order.
    public private(set) var imported: [(file: String, count: Int, seconds: Double)] = []
    /// Findings per kind (`aside`, `refused`, `noPassword`, `dangling`, `unknownPrincipal`, `session`, `file`).
    public private(set) var counts: [String: Int] = [:]

    init(path: String) throws(TransferError) {
        self.path = path
        self.file = try PrivateFile(path: path)
    }

    func record(_ kind: String, _ fields: [(String, GraphQLValue)], count: Int = 1) throws(TransferError) {
        counts[kind, default: 0] += count
        try file.write((JSONEncoding.text(.object(Record(fields: [("kind", .string(kind))] + fields))) ?? "{}") + "\n")
    }

    func finished(file name: String, objects: Int, seconds: Double) throws(TransferError) {
        imported.append((name, objects, seconds))
        try record("imported", [("file", .string(name)), ("objects", .int(objects)), ("seconds", .float(seconds))], count: 0)
    }

    func close() throws(TransferError) { try file.close() }

    /// A few lines for the terminal.
    public var summary: String {
        var lines = imported.map { file in
            let rate = file.seconds > 0 && file.count >= 1_000 ? String(format: ", %.0f objects/s", Double(file.count) / file.seconds) : ""
            return "  \(file.file): \(file.count) objects in \(String(format: "%.2f", file.seconds)) s\(rate)"
        }
        let words: [(String, String)] = [
            ("refused", "objects refused"), ("aside", "fields kept aside (not in the class model)"),
            ("noPassword", "users without a password hash (they must reset it)"), ("session", "sessions not imported"),
            ("dangling", "pointer fields naming missing objects"), ("unknownPrincipal", "ACL entries naming no user or role"),
            ("file", "files not imported"),
        ]
        for (kind, text) in words where counts[kind, default: 0] > 0 { lines.append("  \(counts[kind]!) \(text)") }
        lines.append("  details: \(path)")
        return lines.joined(separator: "\n")
    }
}
