import HummingbirdWebSocket

/// What a WebSocket protocol (graphql-transport-ws, Parse LiveQuery) does with the messages of one
/// socket.
protocol SocketConnection: Actor {
    func receive(_ text: String) async
    /// Neither protocol has binary messages: each answers with its own error.
    func receiveBinary() async
    /// The socket is done: every subscription stops.
    func end() async
}

extension SocketConnection {
    /// Hands every message of `inbound` over until the socket ends (a close, a broken frame, a
    /// message over `maxSize`), then ends the connection; rethrows what ended the socket. The
    /// socket counts in `metrics` while it is open.
    func read(_ inbound: WebSocketInboundStream, maxSize: Int, metrics: GatewayMetrics) async throws {
        metrics.socket(open: true)
        defer { metrics.socket(open: false) }
        do {
            for try await message in inbound.messages(maxSize: maxSize) {
                switch message {
                case .text(let text): await receive(text)
                case .binary: await receiveBinary()
                }
            }
        } catch {
            await end()
            throw error
        }
        await end()
    }
}
