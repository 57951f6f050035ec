import Foundation
import Logging

/// Where the cluster lives and whether a server already runs there.
enum ClusterDirectory {
    /// The data folder for `requested`, created and owned by `account`. When `account` cannot reach
    /// it (a checkout under /root, whose parent is closed to others), a private folder under the
    /// system temporary directory is used instead, and the log says where.
    static func resolve(_ requested: String, account: ServerAccount, logger: Logger) async throws -> String {
        let absolute = absolutePath(requested)
        try create(absolute, account: account)
        if await account.canUse(absolute) { return absolute }
        let fallback = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("dealgraph-postgres-\(stableHash(absolute))")
        try create(fallback, account: account)
        logger.notice("the data folder is not reachable by user \(account.name); using a private folder instead",
                      metadata: ["requested": "\(absolute)", "using": "\(fallback)"])
        return fallback
    }

    /// The folder for the server's Unix socket: the data folder itself, unless the socket path
    /// would pass the 107-byte limit of `sun_path`.
    static func socketDirectory(for dataDirectory: String, account: ServerAccount) throws -> String {
        if (dataDirectory + "/.s.PGSQL.5432").utf8.count <= 100 { return dataDirectory }
        let folder = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("dealgraph-socket-\(stableHash(dataDirectory))")
        try create(folder, account: account)
        return folder
    }

    /// The pid of a server already running on `dataDirectory`. A `postmaster.pid` left behind by
    /// a crash (its pid dead or now another program) is removed, with the socket lock file.
    static func runningServer(dataDirectory: String, socketDirectory: String, logger: Logger) -> pid_t? {
        let pidFile = dataDirectory + "/postmaster.pid"
        guard let contents = try? String(contentsOfFile: pidFile, encoding: .utf8) else { return nil }
        if let pid = contents.split(separator: "\n").first.flatMap({ pid_t($0.trimmingCharacters(in: .whitespaces)) }),
           isPostgresProcess(pid) {
            return pid
        }
        logger.notice("removing a stale postmaster.pid left by a crashed server", metadata: ["file": "\(pidFile)"])
        try? FileManager.default.removeItem(atPath: pidFile)
        try? FileManager.default.removeItem(atPath: socketDirectory + "/.s.PGSQL.5432.lock")
        return nil
    }

    /// Whether `pid` is alive and is a PostgreSQL server process.
    static func isPostgresProcess(_ pid: pid_t) -> Bool {
        guard pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return false }
        let name = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? ""
        return name.hasPrefix("postgres") || name.hasPrefix("postmaster")
    }

    static func absolutePath(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path
            : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }

    private static func create(_ path: String, account: ServerAccount) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw EmbeddedPostgresError("cannot create \(path): \(error.localizedDescription)")
        }
        try account.own(path)
    }

    /// FNV-1a, so the fallback folder of one requested path is the same on every run.
    private static func stableHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
