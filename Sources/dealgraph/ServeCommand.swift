import ArgumentParser
import CRMStore
import DealGraphServer
import Foundation
import PostgresClient

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the API (starts the embedded PostgreSQL when DATABASE_URL is unset)."
    )

    @OptionGroup var server: ServerOptions

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Load the demo data set once (users alice, bob, carol, admin; companies, contacts, deals, activities).")
    var demo = false

    @Flag(help: "Serve GET /debug/statements (SQL statements run so far) for benchmarks (env DEBUG_ENDPOINTS=1).")
    var debugEndpoints = false

    func run() async throws {
        let logger = Logs.bootstrap()
        var settings = GatewayConfiguration(server: try server.serverConfiguration(logger: logger), model: try .bundled())
        settings.server.debugEndpoints = debugEndpoints || ProcessInfo.processInfo.environment["DEBUG_ENDPOINTS"] == "1"
        settings.api = try server.apiConfiguration()
        settings.store.accountLockout = try server.accountLockout()
        settings.store.passwordPolicy = try server.passwordPolicy()
        try server.sessions(into: &settings.store)
        settings.poolSize = database.resolvedPoolSize
        try server.replicas(into: &settings)
        let (configuration, embedded) = try await database.open(logger: logger)
        var failure: (any Error)?
        do {
            let gateway = try await Gateway.open(database: configuration, configuration: settings, logger: logger)
            do {
                if demo {
                    let path = (try server.secretsFolder as NSString).appendingPathComponent("demo-password")
                    let (password, _) = try SecretFile.loadOrCreate(at: path, bytes: 8)
                    try await DemoData().load(into: gateway.store, password: password, logger: logger)
                    logger.notice("demo users: \((DemoData.salesUsers + [DemoData.adminUser]).joined(separator: ", ")); password \(password) (also in \(path))")
                }
                let host = settings.server.host
                // Returns after SIGINT or SIGTERM, once in-flight requests have finished.
                try await gateway.run(logger: logger) { port in
                    logger.notice("DealGraph listening on http://\(host):\(port)/graphql (playground: open it in a browser)")
                }
            } catch {
                failure = error
            }
            await gateway.close()
        } catch {
            failure = error
        }
        if let failure { logger.error("server failed", metadata: ["error": "\(failure)"]) }
        await embedded?.stop()
        if let failure { throw failure }
    }
}
