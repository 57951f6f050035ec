import ArgumentParser
import CRMGraphQL
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
        var settings = try server.serverConfiguration(logger: logger)
        settings.debugEndpoints = debugEndpoints || ProcessInfo.processInfo.environment["DEBUG_ENDPOINTS"] == "1"
        let api = try server.apiConfiguration()
        let (configuration, embedded) = try await database.open(logger: logger)
        let pool = PostgresPool(configuration: configuration, maxConnections: database.resolvedPoolSize, logger: logger)
        var failure: (any Error)?
        do {
            let store = try await CRMStore(pool: pool, model: try .bundled())
            let steps = try await Migrator.run(pool: pool, model: store.model)
            if !steps.isEmpty { logger.info("migrations applied", metadata: ["steps": "\(steps.map(\.name))"]) }
            if demo {
                let path = (server.secretsFolder as NSString).appendingPathComponent("demo-password")
                let (password, _) = try SecretFile.loadOrCreate(at: path, bytes: 8)
                try await DemoData().load(into: store, password: password, logger: logger)
                logger.notice("demo users: \((DemoData.salesUsers + [DemoData.adminUser]).joined(separator: ", ")); password \(password) (also in \(path))")
            }
            let backend = CRMBackend(store: store, service: try CRMGraphQLService(store: store, configuration: api))
            let host = settings.host
            let app = ServerApplication.make(backend: backend, pool: pool, configuration: settings, logger: logger) { port in
                logger.notice("DealGraph listening on http://\(host):\(port)/graphql (playground: open it in a browser)")
            }
            // Returns after SIGINT or SIGTERM, once in-flight requests have finished.
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
            store.shutdown()
        } catch {
            logger.error("server failed", metadata: ["error": "\(error)"])
            failure = error
        }
        await pool.close()
        await embedded?.stop()
        if let failure { throw failure }
    }
}
