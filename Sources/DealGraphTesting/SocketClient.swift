import HTTPTypes
import HummingbirdWSClient
import Logging
import NIOCore
import NIOWebSocket

/// A WebSocket client over a real socket for the real-time tests: sends text (or any frame,
/// for hostile input), keeps what the server sends, and records how the server closed.
public actor SocketClient {
    /// How the connection ended: the server's close code and reason, or the error that ended it.
    public struct Ending: Sendable, CustomStringConvertible {
        public let code: UInt16?
        public let reason: String?
        public var description: String { "close \(code.map(String.init) ?? "none") \(reason ?? "")" }
    }

    private enum Command: Sendable {
        case text(String)
        case frame(WebSocketFrame)
        case close
    }

    private var received: [String] = []
    private var read = 0
    private var ending: Ending?
    private var commands: AsyncStream<Command>.Continuation?
    private var runner: Task<Void, Never>?

    /// Connects to `ws://127.0.0.1:port` + `path`, offering `subprotocol` when given; throws
    /// when the server does not upgrade.
    public static func connect(port: Int, path: String, subprotocol: String? = nil) async throws -> SocketClient {
        let client = SocketClient()
        try await client.start(url: "ws://127.0.0.1:\(port)\(path)", subprotocol: subprotocol)
        return client
    }

    private func start(url: String, subprotocol: String?) async throws {
        let (commands, sink) = AsyncStream.makeStream(of: Command.self)
        self.commands = sink
        let (opened, openedSink) = AsyncStream.makeStream(of: Result<Void, any Error>.self)
        var headers = HTTPFields()
        if let subprotocol { headers[.secWebSocketProtocol] = subprotocol }
        let configuration = WebSocketClientConfiguration(maxFrameSize: 1 << 24, additionalHeaders: headers,
                                                         autoPing: .disabled)
        var logger = Logger(label: "dealgraph.test-socket")
        logger.logLevel = .critical
        runner = Task {
            do {
                let frame = try await WebSocketClient.connect(url: url, configuration: configuration, logger: logger) {
                    inbound, outbound, _ in
                    openedSink.yield(.success(()))
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            for await command in commands {
                                switch command {
                                case .text(let text): try await outbound.write(.text(text))
                                case .frame(let frame): try await outbound.write(.custom(frame))
                                case .close: try await outbound.close(.normalClosure, reason: nil)
                                }
                            }
                        }
                        for try await message in inbound.messages(maxSize: 1 << 24) {
                            if case .text(let text) = message { await self.keep(text) }
                        }
                        group.cancelAll()
                    }
                }
                openedSink.yield(.failure(TestFailure("the server did not upgrade")))
                self.end(Ending(code: frame.map { UInt16(webSocketErrorCode: $0.closeCode) }, reason: frame?.reason))
            } catch {
                openedSink.yield(.failure(error))
                self.end(Ending(code: nil, reason: "\(error)"))
            }
        }
        for await result in opened {
            try result.get()
            return
        }
    }

    private func keep(_ text: String) {
        received.append(text)
    }

    private func end(_ ending: Ending) {
        if self.ending == nil { self.ending = ending }
        commands?.finish()
    }

    public func send(_ text: String) {
        commands?.yield(.text(text))
    }

    /// Sends any frame, valid or not.
    public func send(frame: WebSocketFrame) {
        commands?.yield(.frame(frame))
    }

    /// Starts the closing handshake.
    public func close() {
        commands?.yield(.close)
    }

    /// The next message not read yet, parsed; fails when none arrives within `timeout`.
    public func next(timeout: Duration = .seconds(20)) async throws -> JSONTree {
        let arrived = await poll(timeout) { read < received.count || ending != nil }
        guard arrived, read < received.count else {
            throw TestFailure("no message arrived (\(ending.map { "\($0)" } ?? "still open"))")
        }
        read += 1
        return try JSONTree(bytes: Array(received[read - 1].utf8))
    }

    /// The next message whose `type` (graphql-transport-ws) or `op` (LiveQuery) is `kind`,
    /// skipping the others.
    public func next(_ kind: String, timeout: Duration = .seconds(20)) async throws -> JSONTree {
        while true {
            let message = try await next(timeout: timeout)
            if message["type"].string == kind || message["op"].string == kind { return message }
        }
    }

    /// Messages received and not read yet.
    public var unread: Int { received.count - read }

    /// How the connection ended; fails when it is still open after `timeout`.
    public func ended(timeout: Duration = .seconds(20)) async throws -> Ending {
        guard await poll(timeout, until: { ending != nil }), let ending else {
            throw TestFailure("the connection is still open")
        }
        return ending
    }

    /// ``waitUntil(timeout:every:_:)`` on the actor's own state.
    private func poll(_ timeout: Duration, until condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return true
    }

    /// Whether the connection has ended.
    public var isOpen: Bool { ending == nil }
}
