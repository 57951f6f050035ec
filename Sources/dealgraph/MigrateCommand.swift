import ArgumentParser
import CRMStore
import PostgresClient

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Bring the database schema up to date (starts the embedded PostgreSQL when DATABASE_URL is unset).",
        discussion: """
            Additive only: tables, columns, indexes, the change-log trigger and the _SCHEMA rows of the class \
            model; nothing is dropped or rewritten. --check runs it in a transaction that is rolled back and \
            prints what it would change.
            """
    )

    @Flag(help: "Print what the migration would change (for example in a database Parse Server created), and change nothing.")
    var check = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let logger = Logs.bootstrap()
        let (configuration, embedded) = try await database.open(logger: logger)
        let pool = PostgresPool(configuration: configuration, maxConnections: 1, logger: logger)
        var failure: (any Error)?
        do {
            if check {
                let result = try await Migrator.check(pool: pool, model: ClassModel.bundled())
                print(result.changes.isEmpty ? "dealgraph migrate would change nothing" : "dealgraph migrate would:")
                for change in result.changes { print("  " + change) }
                for note in result.notes { print("note: " + note) }
            } else {
                let applied = try await Migrator.run(pool: pool, model: ClassModel.bundled())
                if applied.isEmpty {
                    logger.info("database schema is up to date")
                } else {
                    for step in applied { logger.info("applied migration \(step.version): \(step.name)") }
                }
            }
        } catch {
            failure = error
        }
        await pool.close()
        await embedded?.stop()
        if let failure { throw failure }
    }
}
