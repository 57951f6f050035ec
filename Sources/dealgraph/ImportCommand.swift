import ArgumentParser
import CRMStore
import DealGraphServer
import Foundation
import ParseTransfer
import PostgresClient

/// `dealgraph import PATH`: Parse's JSON export into the database (ParseTransfer `ParseImport`).
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a Parse Server or Back4app JSON export (a folder of <Class>.json files, or one file).",
        discussion: """
            Reads _User (with _hashed_password: users keep their passwords), _Role, _Join:users:_Role, \
            _Join:roles:_Role, _Session, Company, Contact, Deal and Activity, in Parse's REST form or its \
            database form, as {"results": [...]}, an array, or JSON lines. Migrates first; one transaction: \
            a refused object stops the import with nothing stored, unless --skip-refused. Objects are upserted \
            by objectId, so running it again changes nothing. The report (JSON lines, readable by its owner \
            only) lists fields kept aside, refused objects, users without a hash, pointers to missing objects \
            and ACL entries naming no user or role.
            """
    )

    @Argument(help: "The export: a folder of <Class>.json files, or one file.")
    var path: String

    @Option(help: "Where the report goes.")
    var report = "dealgraph-import-report.jsonl"

    @Flag(help: "Import the rest when an object is refused (each refused object is in the report).")
    var skipRefused = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let logger = Logs.bootstrap()
        try await database.withStore(logger: logger) { store in
            var job = ParseImport(path: path, reportPath: report)
            job.skipRefused = skipRefused
            var progress = ProgressLine()
            (progress.command, progress.unit) = ("import", "KiB")
            let started = ContinuousClock.now
            let result = try await job.run(store: store) { className, objects, bytes, size in
                progress.show("\(className), \(objects) objects", done: bytes >> 10, total: size >> 10)
            }
            progress.finish()
            print("imported in \(ContinuousClock.now - started):\n\(result.summary)")
        }
    }
}
