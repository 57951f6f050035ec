import HummingbirdWebSocket
import NIOCore
import NIOWebSocket

/// The sending side of one upgraded WebSocket, shared by the tasks of a connection (the reader
/// and one per subscription): whole text messages, and a close with a protocol's code after
/// which nothing more is sent.
///
/// A client that stops reading makes `send` wait (NIO's writer applies backpressure), so the
/// subscriptions behind it fall behind in the ``APICore/LiveHub``, which ends them past its
/// bound instead of buffering without limit.
actor SocketLink {
    private let outbound: WebSocketOutboundWriter
    private let channel: any Channel
    private let closeTimeout: Duration
    private(set) var isClosed = false

    init(outbound: WebSocketOutboundWriter, channel: any Channel, closeTimeout: Duration) {
        self.outbound = outbound
        self.channel = channel
        self.closeTimeout = closeTimeout
    }

    func send(_ text: String) async {
        guard !isClosed else { return }
        do {
            try await outbound.writeTextMessage(text)
        } catch {
            // The peer is gone; the reader sees the end of the stream and cleans up.
            isClosed = true
        }
    }

    /// Sends a close frame with `code` and `reason`. A peer that does not answer it within the
    /// close timeout has its connection closed, so a socket ended by the server never lingers.
    func close(_ code: UInt16, _ reason: String) async {
        guard !isClosed else { return }
        isClosed = true
        try? await outbound.close(WebSocketErrorCode(codeNumber: Int(code)), reason: reason)
        let channel = self.channel, timeout = closeTimeout
        Task {
            try? await Task.sleep(for: timeout)
            channel.close(promise: nil)
        }
    }
}
