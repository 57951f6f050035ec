import Hummingbird
import Logging
import PostgresClient

/// The HTTP application: /graphql (with the playground), /health, CORS and request logs.
public enum ServerApplication {
    /// Builds the application listening on the configured host and port (port 0 picks a free
    /// port; `onServerRunning` receives the bound port). Run it with `runService()` for graceful
    /// shutdown on SIGTERM/SIGINT: requests in flight finish, new connections are refused.
    public static func make<Backend: GraphQLBackend>(
        backend: Backend, pool: PostgresPool, configuration: ServerConfiguration, logger: Logger,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router(context: DealGraphRequestContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: CORSMiddleware(
            allowOrigin: configuration.allowedOrigin.map { .custom($0) } ?? .originBased,
            allowHeaders: ParseHeader.allowedByCORS,
            allowMethods: [.get, .post, .options],
            maxAge: .seconds(86_400)))
        HealthRoute.register(on: router, pool: pool)
        if configuration.debugEndpoints {
            StatementCountRoute.register(on: router, pool: pool)
        }
        GraphQLRoute(backend: backend, configuration: configuration).register(on: router)
        return Application(
            router: router,
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "DealGraph"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger
        )
    }
}
