import DealGraphServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceLifecycle

/// A gateway's HTTP application on an ephemeral loopback port, and a client that talks to it over
/// a real socket, one new connection per request.
public struct TestServer: Sendable {
    public let port: Int
    public let gateway: Gateway
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    /// The server's settings (keys, limits).
    public var configuration: ServerConfiguration { gateway.configuration.server }

    public static func start(_ gateway: Gateway) async throws -> TestServer {
        var logger = Logger(label: "dealgraph.test-server")
        logger.logLevel = .warning
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let services = gateway.services(logger: logger) { port in
            portSink.yield(port)
            portSink.finish()
        }
        let group = ServiceGroup(configuration: .init(services: services.map { .init(service: $0) }, logger: logger))
        let running = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw TestFailure("the server did not start") }
        return TestServer(port: port, gateway: gateway, group: group, running: running)
    }

    /// Sends one request on a new connection and returns the response.
    public func send(
        _ method: HTTPRequest.Method, _ path: String, headers: HTTPFields = [:], body: String? = nil
    ) async throws -> TestClient.Response {
        try await send(method, path, headers: headers, bytes: body.map { Array($0.utf8) })
    }

    public func send(
        _ method: HTTPRequest.Method, _ path: String, headers: HTTPFields = [:], bytes: [UInt8]?
    ) async throws -> TestClient.Response {
        try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
            try await client.execute(.init(path, method: method, headers: headers, body: bytes.map { ByteBuffer(bytes: $0) }))
        }
    }

    /// POSTs a body to /graphql as application/json.
    public func post(_ body: String, headers: HTTPFields = [:], accept: String? = nil) async throws -> TestClient.Response {
        var fields = headers
        fields[.contentType] = "application/json"
        if let accept { fields[.accept] = accept }
        return try await send(.post, "/graphql", headers: fields, body: body)
    }

    /// POSTs an operation with its variables (JSON text) and, optionally, a session token.
    public func graphQL(
        _ query: String, variables: String = "{}", token: String? = nil, headers: HTTPFields = [:],
        accept: String = "application/json"
    ) async throws -> TestClient.Response {
        var fields = headers
        if let token { fields[HTTPField.Name("X-Parse-Session-Token")!] = token }
        return try await post(#"{"query":\#(jsonString(query)),"variables":\#(variables)}"#, headers: fields, accept: accept)
    }

    /// True when GET /health answers 200: the server is still serving.
    public func isHealthy() async throws -> Bool {
        try await send(.get, "/health").status == .ok
    }

    /// Graceful shutdown, as on SIGTERM; returns when the server has stopped. The gateway stays
    /// open (its ``TestGateway`` closes it).
    public func stop() async throws {
        await group.triggerGracefulShutdown()
        try await running.value
    }
}

/// `text` as a JSON string literal.
public func jsonString(_ text: String) -> String {
    String(decoding: try! JSONSerialization.data(withJSONObject: text, options: .fragmentsAllowed), as: UTF8.self)
}

extension TestClient.Response {
    /// The body as text.
    public var text: String { body.map { String(buffer: $0) } ?? "" }

    /// The body parsed as JSON (`.null` when it is not JSON).
    public var json: JSONTree {
        (try? JSONTree(bytes: body.map { Array($0.readableBytesView) } ?? [])) ?? .null
    }
}
