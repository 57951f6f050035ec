import Foundation

extension EmbeddedPostgres {
    /// Makes `directory` a streaming replica of this running cluster: `pg_basebackup` with
    /// `--write-recovery-conf` (a `standby.signal` and the `primary_conninfo` to this server's
    /// socket), run as the server's account. Start it with its own ``EmbeddedPostgres``: it serves
    /// reads as a hot standby and replays this server's WAL. `directory` must not exist or be empty.
    public func cloneStandby(into directory: String) async throws {
        _ = try await start()
        guard let dataDirectory else { throw EmbeddedPostgresError("the primary has no data folder") }
        let account = try ServerAccount.current()
        let basebackup = try PostgresBinaries.require("pg_basebackup")
        if FileManager.default.fileExists(atPath: directory) {
            guard (try FileManager.default.contentsOfDirectory(atPath: directory)).isEmpty else {
                throw EmbeddedPostgresError("\(directory) is not empty")
            }
        } else {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        try account.own(directory)
        let socket = try ClusterDirectory.socketDirectory(for: dataDirectory, account: account)
        let (program, arguments) = account.command(basebackup, [
            "--pgdata", directory, "--host", socket, "--port", "5432", "--username", "postgres",
            "--wal-method", "stream", "--write-recovery-conf", "--checkpoint", "fast", "--no-sync",
        ])
        let outcome = try await ChildProcess.run(program, arguments, directory: "/")
        guard outcome.status == 0 else {
            throw EmbeddedPostgresError("pg_basebackup failed (status \(outcome.status)):\n\(outcome.output)")
        }
        // The primary's socket lives in its data folder: its lock file and log came along.
        for copied in [".s.PGSQL.5432.lock", "server.log"] {
            try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(copied))
        }
    }
}
