import ArgumentParser
import DealGraphServer
import Foundation
import PostgresClient

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the API (starts the embedded PostgreSQL when DATABASE_URL is unset)."
    )

    @Option(help: "Address to listen on (env HOST, default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (env PORT, default 1337).")
    var port: Int?

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let logger = Logs.bootstrap()
        let environment = ProcessInfo.processInfo.environment
        let host = host ?? environment["HOST"] ?? "127.0.0.1"
        guard let port = port ?? (environment["PORT"].map { Int($0) } ?? 1337) else {
            throw ValidationError("PORT must be a number")
        }
        let (configuration, embedded) = try await database.open(logger: logger)
        let pool = PostgresPool(configuration: configuration, maxConnections: database.resolvedPoolSize, logger: logger)
        let app = ServerApplication.make(pool: pool, host: host, port: port, logger: logger)
        var failure: (any Error)?
        do {
            // Returns after SIGINT or SIGTERM, once in-flight requests have finished.
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        } catch {
            logger.error("server failed", metadata: ["error": "\(error)"])
            failure = error
        }
        await pool.close()
        await embedded?.stop()
        if let failure { throw failure }
    }
}
