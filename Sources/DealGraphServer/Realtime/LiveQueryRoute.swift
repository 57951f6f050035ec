import APICore
import HummingbirdWebSocket
import NIOCore
import ParseREST

/// Parse LiveQuery over WebSocket at the Parse mount path (the LiveQuery server URL a Parse SDK
/// is given, `ws://host:1337/parse`). The JavaScript SDK offers no subprotocol, so none is
/// required.
struct LiveQueryRoute: Sendable {
    let rest: ParseRESTService
    let live: LiveHub
    let callers: CallerResolver
    let quota: SocketQuota
    let metrics: GatewayMetrics
    let configuration: ServerConfiguration

    /// The mount path itself, with or without a trailing slash (`/` when mounted at the root).
    func serves(_ path: String) -> Bool {
        let mount = configuration.parseMountPath
        return path == mount + "/" || (!mount.isEmpty && path == mount)
    }

    func handler(channel: any Channel) -> WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context> {
        let route = self
        return { inbound, outbound, _ in
            let configuration = route.configuration
            let link = SocketLink(outbound: outbound, channel: channel, closeTimeout: configuration.webSocketCloseTimeout)
            let connection = LiveQueryConnection(link: link, rest: route.rest, live: route.live, callers: route.callers, quota: route.quota,
                                                 maxSubscriptions: configuration.maxSubscriptionsPerSocket,
                                                 maxJSONDepth: configuration.maxJSONDepth)
            try await connection.read(inbound, maxSize: configuration.maxBodyBytes, metrics: route.metrics)
        }
    }
}
