import ArgumentParser
import CRMStore
import DealGraphServer
import Foundation
import ParseTransfer
import PostgresClient

/// `dealgraph export PATH`: every class as Parse's JSON export (ParseTransfer `ParseExport`).
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export every class as Parse's JSON export, one <Class>.json per class, readable by the owner only.",
        discussion: """
            The REST encoding plus ACL on every object, _hashed_password on users, role memberships \
            (_Join:users:_Role, _Join:roles:_Role) and sessions with their stored token hashes. \
            `dealgraph import` reads it back into DealGraph.
            """
    )

    @Argument(help: "The folder to write (created when missing).")
    var path: String

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let logger = Logs.bootstrap()
        try await database.withStore(logger: logger) { store in
            let files = try await ParseExport(path: path).run(store: store)
            for (file, count) in files { print("  \(file): \(count) objects") }
        }
    }
}
