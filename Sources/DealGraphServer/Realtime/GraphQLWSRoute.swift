import APICore
import CRMGraphQL
import HTTPTypes
import HummingbirdWebSocket
import NIOCore

/// GraphQL subscriptions over WebSocket at `/graphql` with the `graphql-transport-ws`
/// subprotocol (the protocol of the graphql-ws library). A socket that does not offer the
/// subprotocol is not upgraded: it reaches the HTTP route like any GET.
struct GraphQLWSRoute: Sendable {
    static let subprotocol = "graphql-transport-ws"

    let service: CRMGraphQLService
    let callers: CallerResolver
    let quota: SocketQuota
    let metrics: GatewayMetrics
    let configuration: ServerConfiguration
    let throttle: AuthThrottle

    /// The request asks for graphql-transport-ws (`Sec-WebSocket-Protocol` may list several).
    static func offered(_ request: HTTPRequest) -> Bool {
        request.headerFields[values: .secWebSocketProtocol].contains { field in
            field.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == subprotocol }
        }
    }

    /// The handler of an upgraded socket; `client` is its address for the log-in limit.
    func handler(channel: any Channel, client: IPAddress?) -> WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context> {
        let service = self.service, callers = self.callers, quota = self.quota, metrics = self.metrics, configuration = self.configuration
        let throttle = self.throttle
        return { inbound, outbound, _ in
            let link = SocketLink(outbound: outbound, channel: channel, closeTimeout: configuration.webSocketCloseTimeout)
            let session = GraphQLWSSession(maxSubscriptions: configuration.maxSubscriptionsPerSocket,
                                           maxJSONDepth: configuration.maxJSONDepth)
            let connection = GraphQLWSConnection(session: session, link: link, service: service, callers: callers,
                                                 quota: quota, throttle: throttle, client: client)
            // graphql-ws: "the server will close the socket with 4408 if connection_init was not
            // received and acknowledged within connectionInitWaitTimeout".
            let initWait = Task {
                try? await Task.sleep(for: configuration.connectionInitTimeout)
                if !Task.isCancelled { await connection.initWaitEnded() }
            }
            defer { initWait.cancel() }
            try await connection.read(inbound, maxSize: configuration.maxBodyBytes, metrics: metrics)
        }
    }
}
