import Hummingbird
import Logging
import PostgresClient

/// The HTTP application. For now it serves GET /health; the API routes arrive with their issue.
public enum ServerApplication {
    /// Builds the application listening on `host`:`port` (port 0 picks a free port);
    /// `onListening` receives the bound port once the server accepts connections.
    public static func make(
        pool: PostgresPool, host: String, port: Int, logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router()
        HealthRoute.register(on: router, pool: pool)
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "DealGraph"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }
}
