import Hummingbird
import NIOCore
import Synchronization

/// The request context of the DealGraph router: Hummingbird's core storage plus the facts the
/// request log line needs from deeper handlers.
public struct DealGraphRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Filled by the GraphQL route, read by ``RequestLogMiddleware``.
    let requestLog = RequestLogFacts()
    /// The other end of the TCP connection (a proxy, when one is in front).
    let peer: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peer = source.channel.remoteAddress
    }
}

/// Facts learned while handling a request that its log line reports. A reference, because the
/// context reaches handlers by value.
final class RequestLogFacts: Sendable {
    private let operation = Mutex<String?>(nil)

    /// The GraphQL operation name, when the request named one.
    var operationName: String? {
        get { operation.withLock { $0 } }
        set { operation.withLock { $0 = newValue } }
    }
}
