import CLibPQ
import Foundation
import Logging

/// The embedded PostgreSQL launcher: initdb on first use, a server listening only on a Unix
/// socket inside its data folder, run as the `postgres` system user when this process is root.
public actor EmbeddedPostgres {
    private let requestedDirectory: String
    private let logger: Logger
    private let durable: Bool
    private var running: RunningServer?
    private var databaseCounter = 0
    private var resolvedDirectory: String?

    private struct RunningServer {
        let dataDirectory: String
        let pid: pid_t
        let process: Process?
        /// False when an already running server was found and used; it is then left running.
        let owned: Bool
        let configuration: PostgresConfiguration
        let admin: PostgresPool
    }

    /// A launcher for the cluster in `directory`. A cluster that is not `durable` skips fsync:
    /// for throwaway clusters (tests, benchmarks) whose data may be lost in a crash.
    public init(directory: String = ".dealgraph/postgres", logger: Logger = Logger(label: "dealgraph.embedded-postgres"),
                durable: Bool = true) {
        self.requestedDirectory = directory
        self.logger = logger
        self.durable = durable
    }

    /// The data folder in use once started (it differs from the requested one when the server
    /// account cannot reach that).
    public var dataDirectory: String? { resolvedDirectory }

    /// Starts (creating the cluster on first use) and returns the configuration of the `postgres` database.
    public func start() async throws -> PostgresConfiguration {
        if let running { return running.configuration }
        let account = try ServerAccount.current()
        if account.switches {
            logger.notice("running as root: the PostgreSQL server runs as the system user postgres")
        }
        let postgres = try PostgresBinaries.require("postgres")
        let dataDirectory = try await ClusterDirectory.resolve(requestedDirectory, account: account, logger: logger)
        resolvedDirectory = dataDirectory
        let socketDirectory = try ClusterDirectory.socketDirectory(for: dataDirectory, account: account)
        if !FileManager.default.fileExists(atPath: dataDirectory + "/PG_VERSION") {
            try await initialize(dataDirectory, account: account)
        }
        try ServerSettings(socketDirectory: socketDirectory, durable: durable)
            .write(dataDirectory: dataDirectory, account: account)
        let configuration = try PostgresConfiguration(
            "host=\(PostgresConfiguration.quoted(socketDirectory)) port=5432 user=postgres dbname=postgres")

        var process: Process?
        var owned = true
        var pid: pid_t
        if let existing = ClusterDirectory.runningServer(
            dataDirectory: dataDirectory, socketDirectory: socketDirectory, logger: logger) {
            logger.notice("a server already runs on this data folder; using it and leaving it running",
                          metadata: ["pid": "\(existing)", "folder": "\(dataDirectory)"])
            pid = existing
            owned = false
        } else {
            let (program, arguments) = account.command(postgres, ["-D", dataDirectory])
            let launched = try ChildProcess.launch(
                program, arguments, directory: dataDirectory, logFile: dataDirectory + "/server.log")
            process = launched
            pid = launched.processIdentifier
        }
        try await waitUntilReady(configuration, process: process, dataDirectory: dataDirectory)
        if owned, let serverPid = Self.postmasterPid(dataDirectory) { pid = serverPid }
        logger.info("PostgreSQL is ready", metadata: ["folder": "\(dataDirectory)", "socket": "\(socketDirectory)"])
        running = RunningServer(
            dataDirectory: dataDirectory, pid: pid, process: process, owned: owned,
            configuration: configuration,
            admin: PostgresPool(configuration: configuration, maxConnections: 4, acquireTimeout: .seconds(600), logger: logger))
        return configuration
    }

    /// Stops the server (fast shutdown: sessions end, then a clean checkpoint) and waits for it.
    public func stop() async {
        guard let running else { return }
        self.running = nil
        await running.admin.close()
        guard running.owned else { return }
        kill(running.pid, SIGINT)
        for _ in 0..<600 where Self.isAlive(running.pid, process: running.process) {
            try? await Task.sleep(for: .milliseconds(50))
        }
        if Self.isAlive(running.pid, process: running.process) {
            logger.warning("PostgreSQL did not stop within 30 s; sending an immediate shutdown")
            kill(running.pid, SIGQUIT)
        }
        logger.info("PostgreSQL stopped")
    }

    /// CREATE DATABASE with a unique name derived from `prefix`; returns its configuration.
    public func createDatabase(prefix: String) async throws -> PostgresConfiguration {
        guard let running else {
            _ = try await start()
            return try await createDatabase(prefix: prefix)
        }
        databaseCounter += 1
        let cleaned = String(prefix.lowercased().unicodeScalars
            .map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? Character($0) : "_" }
            .prefix(40))
        let name = "\(cleaned.isEmpty ? "db" : cleaned)_\(databaseCounter)_\(UInt32.random(in: 0...UInt32.max))"
        _ = try await running.admin.query("CREATE DATABASE \"\(name)\"")
        return running.configuration.withDatabase(name)
    }

    /// DROP DATABASE, ending the sessions still connected to it.
    public func dropDatabase(_ name: String) async throws {
        guard let running else { return }
        _ = try await running.admin.query("DROP DATABASE IF EXISTS \"\(name.replacingOccurrences(of: "\"", with: "\"\""))\" WITH (FORCE)")
    }

    /// Throws a cluster away without waiting for a clean stop: immediate shutdown of the server
    /// running in `dataDirectory` (if any), then its folder is removed. Synchronous, so that it
    /// can run at process exit; for throwaway clusters only.
    public static func destroyCluster(at dataDirectory: String) {
        if let pid = postmasterPid(dataDirectory), ClusterDirectory.isPostgresProcess(pid) {
            kill(pid, SIGQUIT)
            for _ in 0..<100 where ClusterDirectory.isPostgresProcess(pid) { usleep(20_000) }
        }
        try? FileManager.default.removeItem(atPath: dataDirectory)
    }

    /// Runs initdb into a sibling `.partial` folder and moves it into place when it succeeded, so
    /// an interrupted first start never leaves a half-made cluster that later starts would trust.
    private func initialize(_ dataDirectory: String, account: ServerAccount) async throws {
        let initdb = try PostgresBinaries.require("initdb")
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: dataDirectory)) ?? []
        guard contents.isEmpty else {
            throw EmbeddedPostgresError("\(dataDirectory) is neither empty nor a PostgreSQL cluster; "
                + "choose another folder (DEALGRAPH_DATA_DIR)")
        }
        logger.info("creating a PostgreSQL cluster (initdb)", metadata: ["folder": "\(dataDirectory)"])
        let partial = dataDirectory + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        try FileManager.default.createDirectory(atPath: partial, withIntermediateDirectories: false)
        try account.own(partial)
        var options = ["-D", partial, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C"]
        if !durable { options.append("--no-sync") }
        let (program, arguments) = account.command(initdb, options)
        let outcome = try await ChildProcess.run(program, arguments, directory: partial)
        guard outcome.status == 0 else {
            try? FileManager.default.removeItem(atPath: partial)
            throw EmbeddedPostgresError("initdb failed (status \(outcome.status)):\n\(outcome.output)")
        }
        try FileManager.default.removeItem(atPath: dataDirectory)
        try FileManager.default.moveItem(atPath: partial, toPath: dataDirectory)
    }

    private func waitUntilReady(_ configuration: PostgresConfiguration, process: Process?, dataDirectory: String) async throws {
        let conninfo = configuration.description
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if await Self.ping(conninfo) { return }
            if let process, !process.isRunning {
                let log = (try? String(contentsOfFile: dataDirectory + "/server.log", encoding: .utf8)) ?? ""
                throw EmbeddedPostgresError("PostgreSQL exited while starting; its log:\n\(log.suffix(2000))")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw EmbeddedPostgresError("PostgreSQL did not accept connections within 60 s (log: \(dataDirectory)/server.log)")
    }

    /// PQping blocks briefly, so it runs on a GCD thread, not the cooperative pool.
    private static func ping(_ conninfo: String) async -> Bool {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: PQping(conninfo) == PQPING_OK) }
        }
    }

    static func postmasterPid(_ dataDirectory: String) -> pid_t? {
        let contents = try? String(contentsOfFile: dataDirectory + "/postmaster.pid", encoding: .utf8)
        return contents?.split(separator: "\n").first.flatMap { pid_t($0.trimmingCharacters(in: .whitespaces)) }
    }

    private static func isAlive(_ pid: pid_t, process: Process?) -> Bool {
        if let process { return process.isRunning }
        return ClusterDirectory.isPostgresProcess(pid)
    }
}
