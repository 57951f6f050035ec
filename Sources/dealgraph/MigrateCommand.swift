import ArgumentParser
import CRMStore
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
            let applied = try await Migrator.run(pool: pool, model: ClassModel.bundled())
            if applied.isEmpty {
                logger.info("database schema is up to date")
            } else {
                for step in applied { logger.info("applied migration \(step.version): \(step.name)") }
            }
        } catch {
            failure = error
        }
        await pool.close()
        await embedded?.stop()
        if let failure { throw failure }
    }
}
