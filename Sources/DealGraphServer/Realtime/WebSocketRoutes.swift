import HTTPTypes
import HummingbirdWebSocket
import NIOCore

/// Which requests become WebSockets, and with which protocol: graphql-transport-ws at `/graphql`
/// when the client offers it, Parse LiveQuery at the Parse mount path. Everything else, including an
/// upgrade request this does not accept, is answered by the HTTP router.
struct WebSocketRoutes: Sendable {
    let graphQL: GraphQLWSRoute
    let liveQuery: LiveQueryRoute

    func shouldUpgrade(_ request: HTTPRequest, channel: any Channel)
        -> ShouldUpgradeResult<WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>>
    {
        let path = (request.path ?? "").split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        if path == "/graphql" && GraphQLWSRoute.offered(request) {
            return .upgrade([.secWebSocketProtocol: GraphQLWSRoute.subprotocol], graphQL.handler(channel: channel, client: graphQL.throttle.client(peer: channel.remoteAddress, headers: request.headerFields)))
        }
        if liveQuery.serves(path) {
            return .upgrade([:], liveQuery.handler(channel: channel))
        }
        return .dontUpgrade
    }
}
