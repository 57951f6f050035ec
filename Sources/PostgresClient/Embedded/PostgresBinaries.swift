import Foundation

/// Locates PostgreSQL's server programs: on PATH first, then under /usr/lib/postgresql/*/bin
/// (Debian and Ubuntu keep them there), newest major version first.
public enum PostgresBinaries {
    /// The absolute path of program `name` (initdb, postgres, pgbench...), nil when not installed.
    public static func find(_ name: String) -> String? {
        for directory in searchPath() {
            let candidate = (directory as NSString).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    private static func searchPath() -> [String] {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        let debian = versions
            .sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }
            .map { "/usr/lib/postgresql/\($0)/bin" }
        return path.split(separator: ":").map(String.init) + debian
    }

    static func require(_ name: String) throws -> String {
        guard let path = find(name) else {
            throw EmbeddedPostgresError(
                "PostgreSQL's `\(name)` was not found on PATH or under /usr/lib/postgresql/*/bin; "
                    + "install the postgresql package (scripts/bootstrap does)")
        }
        return path
    }
}

/// A failure of the embedded launcher, with a message meant for the person running it.
public struct EmbeddedPostgresError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
