import APICore
import CRMGraphQL
import CRMStore
import Hummingbird
import HummingbirdWebSocket
import Logging
import ParseREST
import PostgresClient
import ServiceLifecycle

/// The composition root: one DealGraph over one database. It opens the pool, migrates, builds
/// the store, the GraphQL service and the caller resolver, and makes the HTTP application on
/// top of them. `dealgraph serve`, the test suites and the benchmarks all start DealGraph here,
/// so they run the same parts wired the same way.
public final class Gateway: Sendable {
    public let configuration: GatewayConfiguration
    public let pool: PostgresPool
    public let store: CRMStore
    public let service: CRMGraphQLService
    /// Parse's REST API over the same store.
    public let rest: ParseRESTService
    public let callers: CallerResolver
    /// What `GET /metrics` reports.
    public let metrics: GatewayMetrics
    /// False from the moment shutdown begins (`GET /health/ready`).
    public let readiness = Readiness()

    /// Opens the pool on `database`, brings its schema up to date (logging the steps applied),
    /// and builds the store, the service and the caller resolver. On failure the pool is closed.
    public static func open(database: PostgresConfiguration, configuration: GatewayConfiguration,
                            logger: Logger = Logger(label: "dealgraph")) async throws -> Gateway {
        let metrics = GatewayMetrics()
        let timer: @Sendable (Duration) -> Void = { metrics.statement($0) }
        let pool = PostgresPool(configuration: database, maxConnections: configuration.poolSize, logger: logger,
                                statementTimer: timer)
        // A replica that does not answer is skipped after two seconds, not the usual ten.
        let replicaPools = configuration.replicas.map { replica in
            var replica = replica
            replica.connectTimeout = .seconds(2)
            return PostgresPool(configuration: replica, maxConnections: configuration.poolSize, acquireTimeout: .seconds(2),
                                logger: logger, statementTimer: timer)
        }
        do {
            let steps = try await Migrator.run(pool: pool, model: configuration.model)
            if !steps.isEmpty { logger.info("migrations applied", metadata: ["steps": "\(steps.map(\.name))"]) }
            let replicas = replicaPools.isEmpty ? nil : ReadReplicas(pools: replicaPools, options: configuration.replicaOptions, logger: logger)
            let store = try await CRMStore(pool: pool, model: configuration.model, options: configuration.store, replicas: replicas)
            // The feed keeps the change log pruned even while nobody subscribes.
            try await store.changeFeed.start()
            let service = try CRMGraphQLService(store: store, configuration: configuration.api)
            return Gateway(configuration: configuration, pool: pool, store: store, service: service, metrics: metrics,
                           callers: CallerResolver(keys: configuration.server.keys, store: store))
        } catch {
            await pool.close()
            for replica in replicaPools { await replica.close() }
            throw error
        }
    }

    private init(configuration: GatewayConfiguration, pool: PostgresPool, store: CRMStore, service: CRMGraphQLService,
                 metrics: GatewayMetrics, callers: CallerResolver) {
        self.metrics = metrics
        self.configuration = configuration
        self.pool = pool
        self.store = store
        self.service = service
        var limits = ParseRESTService.Limits()
        limits.defaultLimit = configuration.api.defaultLimit
        limits.maxLimit = configuration.api.maxLimit
        self.rest = ParseRESTService(store: store, mountPath: configuration.server.parseMountPath, limits: limits)
        self.callers = callers
    }

    /// The HTTP application: /graphql (with the playground, and subscriptions over WebSocket),
    /// Parse's REST API and LiveQuery at the mount path, /health, CORS and request logs,
    /// listening on the configured host and port (port 0 picks a free port; `onServerRunning`
    /// receives the bound one). Run it with `runService()` for graceful shutdown on SIGTERM or
    /// SIGINT: requests in flight finish, new connections are refused.
    public func application(logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        let server = configuration.server
        let router = Router(context: DealGraphRequestContext.self)
        router.add(middleware: RequestLogMiddleware(metrics: metrics, parseMountPath: server.parseMountPath))
        router.add(middleware: CORSMiddleware(
            allowOrigin: server.allowedOrigin.map { .custom($0) } ?? .originBased,
            allowHeaders: ParseHeader.allowedByCORS,
            allowMethods: [.get, .post, .put, .delete, .options],
            maxAge: .seconds(86_400)))
        HealthRoute.register(on: router, gateway: self)
        MetricsRoute.register(on: router, gateway: self)
        if server.debugEndpoints {
            StatementCountRoute.register(on: router, pool: pool)
        }
        let webApp = WebApp.load(logger: logger)
        let throttle = AuthThrottle(configuration: server)
        GraphQLRoute(service: service, callers: callers, configuration: server, pages: webApp, throttle: throttle).register(on: router)
        webApp.register(on: router)
        ParseRESTRoute(service: rest, callers: callers, configuration: server, throttle: throttle).register(on: router)
        let quota = SocketQuota(limit: server.maxSocketsPerUser)
        let sockets = WebSocketRoutes(
            graphQL: GraphQLWSRoute(service: service, callers: callers, quota: quota, metrics: metrics, configuration: server,
                                    throttle: throttle),
            liveQuery: LiveQueryRoute(rest: rest, live: service.live, callers: callers, quota: quota, metrics: metrics, configuration: server))
        return Application(
            router: router,
            server: .http1WebSocketUpgrade(
                configuration: .init(ws: .init(maxFrameSize: server.maxBodyBytes, closeTimeout: server.webSocketCloseTimeout))
            ) { request, channel, _ in sockets.shouldUpgrade(request, channel: channel) },
            configuration: .init(address: .hostname(server.host, port: server.port), serverName: "DealGraph"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? server.port) },
            logger: logger
        )
    }

    /// What runs the gateway in a `ServiceGroup`: the HTTP application, then the drain gate
    /// that hears a graceful shutdown first (services stop in reverse order), marks the gateway
    /// not ready and waits ``ServerConfiguration/drainDelay`` before the server stops
    /// accepting connections and lets the requests in flight finish.
    public func services(logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> [any Service]
    {
        [application(logger: logger, onServerRunning: onServerRunning),
         DrainGate(readiness: readiness, delay: configuration.server.drainDelay)]
    }

    /// Serves until SIGTERM or SIGINT, then drains (see ``services(logger:onServerRunning:)``)
    /// and returns once the requests in flight have finished.
    public func run(logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let group = ServiceGroup(configuration: .init(
            services: services(logger: logger, onServerRunning: onServerRunning).map { .init(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// Ends the live subscriptions, stops the store's listeners and closes the pool.
    public func close() async {
        await service.live.stop()
        await store.shutdown()
        for replica in store.replicas?.replicas ?? [] { await replica.pool.close() }
        await pool.close()
    }
}

/// Everything a ``Gateway`` is built from.
public struct GatewayConfiguration: Sendable {
    /// The HTTP transport: address, keys, limits of the transport.
    public var server: ServerConfiguration
    /// The GraphQL API's limits.
    public var api = APIConfiguration()
    /// The store's options (sessions, lockout, protected fields, bcrypt cost, clock).
    public var store = StoreOptions()
    /// The class model.
    public var model: ClassModel
    /// Pooled database connections (per server: the primary and each replica).
    public var poolSize = 10
    /// Streaming replicas of the database that serve reads (`DATABASE_REPLICA_URLS`).
    public var replicas: [PostgresConfiguration] = []
    /// Replica rotation: lag limit, probe interval, read-your-writes window.
    public var replicaOptions = ReadReplicas.Options()

    public init(server: ServerConfiguration, model: ClassModel) {
        self.server = server
        self.model = model
    }
}
