import ArgumentParser
import CRMStore
import DealGraphServer
import Foundation
import PostgresClient

/// `dealgraph seed --deals N`: a large deterministic data set for benchmarks (CRMStore `SeedData`).
struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Load N deals with users, teams, companies, contacts and activities (starts the embedded PostgreSQL when DATABASE_URL is unset).",
        discussion: """
            Migrates first. Refuses a database that has deals unless --append is given; --append reuses \
            the seeded users and roles and adds N more deals. The members user0001... and admin share one \
            password, read from (or generated once into) <secrets-dir>/seed-password.
            """
    )

    @Option(help: "Number of deals (companies N/50, contacts N/5, about 5 activities per deal).")
    var deals: Int

    @Option(help: "Seed of the generator: the same seed and size give the same data (on the same day).")
    var seed: UInt64 = 1

    @Flag(help: "Add to a database that already has deals (reusing the seeded users).")
    var append = false

    @Option(help: "Folder of the seed password file (env DEALGRAPH_SECRETS_DIR, default .dealgraph).")
    var secretsDir: String?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard deals > 0 else { throw ValidationError("--deals must be positive") }
    }

    func run() async throws {
        let logger = Logs.bootstrap()
        let folder = secretsDir ?? ProcessInfo.processInfo.environment["DEALGRAPH_SECRETS_DIR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ".dealgraph"
        let path = (folder as NSString).appendingPathComponent("seed-password")
        let (password, _) = try SecretFile.loadOrCreate(at: path, bytes: 8)
        try await database.withStore(logger: logger) { store in
            let data = SeedData(deals: deals, seed: seed)
            var progress = ProgressLine()
            let started = ContinuousClock.now
            let summary = try await data.load(into: store, password: password, append: append) { step in
                progress.show(step.className, done: step.done, total: step.total)
            }
            progress.finish()
            logger.notice("""
                seeded \(summary.deals) deals, \(summary.companies) companies, \(summary.contacts) contacts, \
                \(summary.activities) activities, \(summary.users) users in \(summary.teams) teams \
                in \(ContinuousClock.now - started)
                """)
            print("typical member: \(summary.typicalMember)")
            print("admin: \(summary.admin)")
            print("password: \(password) (in \(path))")
        }
    }
}
