import ArgumentParser
import PostgresClient

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Bring the database schema up to date (starts the embedded PostgreSQL when DATABASE_URL is unset)."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let logger = Logs.bootstrap()
        let (configuration, embedded) = try await database.open(logger: logger)
        let pool = PostgresPool(configuration: configuration, maxConnections: 1, logger: logger)
        var failure: (any Error)?
        do {
            _ = try await pool.query("SELECT 1")
            // The CRM schema migrations arrive with the CRMStore issue; until then this checks the connection.
            logger.info("database reachable; no migrations to apply yet")
        } catch {
            failure = error
        }
        await pool.close()
        await embedded?.stop()
        if let failure { throw failure }
    }
}
