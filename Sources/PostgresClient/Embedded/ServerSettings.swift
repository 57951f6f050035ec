import Foundation

/// The settings the launcher gives the server, written to `dealgraph.conf` in the data folder
/// (included from postgresql.conf) on every start.
struct ServerSettings {
    let socketDirectory: String
    /// For throwaway test clusters: no fsync, no synchronous commit.
    let durable: Bool

    var text: String {
        var lines = [
            "# Written by DealGraph's embedded launcher on every start; edits are overwritten.",
            "listen_addresses = ''",
            "port = 5432",
            "unix_socket_directories = '\(socketDirectory.replacingOccurrences(of: "'", with: "''"))'",
            "unix_socket_permissions = 0700",
            // A test cluster serves many gateways at once (each a pool, a listener and a change
            // feed connection); a served one, one gateway's pool and a few tools.
            "max_connections = \(durable ? 200 : 600)",
            "log_min_messages = warning",
        ]
        if !durable {
            lines += ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func write(dataDirectory: String, account: ServerAccount) throws {
        let settingsFile = dataDirectory + "/dealgraph.conf"
        try text.write(toFile: settingsFile, atomically: false, encoding: .utf8)
        try account.own(settingsFile)
        let mainFile = dataDirectory + "/postgresql.conf"
        let include = "include_if_exists = 'dealgraph.conf'"
        let main = try String(contentsOfFile: mainFile, encoding: .utf8)
        if !main.contains(include) {
            try (main + "\n" + include + "\n").write(toFile: mainFile, atomically: false, encoding: .utf8)
        }
    }
}
