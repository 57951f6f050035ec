import ArgumentParser
import CRMStore
import Foundation
import Logging
import PostgresClient

/// Where the database is: DATABASE_URL (or the file DATABASE_URL_FILE names) when set, else the embedded server under `--data-dir`.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "Data folder of the embedded PostgreSQL used when DATABASE_URL is unset (env DEALGRAPH_DATA_DIR).")
    var dataDir: String?

    @Option(help: "Maximum pooled database connections (env DATABASE_POOL_SIZE).")
    var poolSize: Int?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var resolvedPoolSize: Int { poolSize ?? environment["DATABASE_POOL_SIZE"].flatMap(Int.init) ?? 10 }

    /// The configuration to connect with, and the embedded server when one was started.
    func open(logger: Logger) async throws -> (PostgresConfiguration, EmbeddedPostgres?) {
        if let url = try Environment.text("DATABASE_URL") {
            let configuration = try PostgresConfiguration(url)
            logger.info("using the database of DATABASE_URL", metadata: ["database": "\(configuration)"])
            return (configuration, nil)
        }
        let directory = dataDir ?? environment["DEALGRAPH_DATA_DIR"] ?? ".dealgraph/postgres"
        let embedded = EmbeddedPostgres(directory: directory, logger: logger)
        return (try await embedded.start(), embedded)
    }
}

extension DatabaseOptions {
    /// Opens the database (starting the embedded server when needed), migrates it, and runs
    /// `body` with a store on two connections (a command-line job, not a server); closes all after.
    func withStore<T>(logger: Logger, _ body: (CRMStore) async throws -> T) async throws -> T {
        let (configuration, embedded) = try await open(logger: logger)
        let pool = PostgresPool(configuration: configuration, maxConnections: 2, logger: logger)
        let outcome: Result<T, any Error>
        do {
            let model = try ClassModel.bundled()
            try await Migrator.run(pool: pool, model: model)
            var options = StoreOptions()
            options.listensForInvalidations = false
            outcome = .success(try await body(try await CRMStore(pool: pool, model: model, options: options)))
        } catch {
            outcome = .failure(error)
        }
        await pool.close()
        await embedded?.stop()
        return try outcome.get()
    }
}

enum Logs {
    /// Logs to stderr at LOG_LEVEL (trace, debug, info, notice, warning, error, critical; default info).
    static func bootstrap() -> Logger {
        let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "dealgraph")
    }
}
