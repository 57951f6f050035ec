import DealGraphTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import DealGraphServer

/// The per-client limit on log-ins, sign-ups, password checks and resets: attempts counted across
/// REST (batches included), GraphQL over HTTP (aliases included) and GraphQL over WebSocket;
/// Parse's 429 answer with Retry-After; other requests and the master key unaffected; recovery
/// when the window ends; X-Forwarded-For believed only from trusted proxies.
@Suite("Auth rate limit", .timeLimit(.minutes(2)))
struct AuthRateLimitTests {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let masterKey = HTTPField.Name("X-Parse-Master-Key")!

    static func logIn(_ server: TestServer, _ password: String, from client: String? = nil) async throws -> TestClient.Response {
        try await server.send(.get, "/parse/login?username=alice&password=\(password)",
                              headers: client.map { [forwardedFor: $0] } ?? [:])
    }

    @Test("attempts over the limit are answered 429 on every transport, other requests still run, the master key is not limited")
    func limitAcrossTransports() async throws {
        // A long window, so that a slow run under load stays inside it.
        try await TestGateway.run("ratelimit", configure: {
            $0.server.authRateLimit = RateLimit(requests: 5, window: .seconds(600))
        }) { f in
            let alice = try await f.user("alice")
            try await f.withServer { server in
                // 1, 2: REST log-ins with a wrong password are failures, not refusals.
                for _ in 0..<2 { #expect(try await Self.logIn(server, "wrong").status == .notFound) }
                // 3, 4: one GraphQL document with two aliased logIn fields.
                let twice = try await server.graphQL("""
                    mutation Twice { a: logIn(input: {username: "alice", password: "x"}) { viewer { sessionToken } }
                                     b: logIn(input: {username: "alice", password: "y"}) { viewer { sessionToken } } }
                    """)
                #expect(twice.status == .ok && twice.json["errors"].array.count == 2, "\(twice.text)")
                // A batch of two log-ins does not fit in the one attempt left: refused whole, nothing runs.
                let batch = try await server.send(.post, "/parse/batch", headers: [.contentType: "application/json"], body: """
                    {"requests":[{"method":"POST","path":"/parse/login","body":{"username":"alice","password":"a"}},
                                 {"method":"POST","path":"/parse/login","body":{"username":"alice","password":"b"}}]}
                    """)
                #expect(batch.status == .tooManyRequests, "\(batch.text)")
                // 5: the last attempt of the window.
                #expect(try await Self.logIn(server, "wrong").status == .notFound)

                // Over the limit: Parse's body and a Retry-After within the window.
                let refused = try await Self.logIn(server, "pw-alice")
                #expect(refused.status == .tooManyRequests)
                #expect(refused.json["code"].int == 100 && refused.json["error"].string == "Too many requests.", "\(refused.text)")
                let retryAfter = Int(refused.headers[.retryAfter] ?? "")
                #expect(retryAfter.map { (1...600).contains($0) } == true, "\(refused.headers)")
                let signUp = try await server.send(.post, "/parse/users", headers: [.contentType: "application/json"],
                                                   body: #"{"username":"mallory","password":"long-enough-1","email":"m@example.com"}"#)
                #expect(signUp.status == .tooManyRequests)
                #expect(try await server.send(.post, "/parse/requestPasswordReset", headers: [.contentType: "application/json"],
                                              body: #"{"email":"alice@example.com"}"#).status == .tooManyRequests)
                let graphQL = try await server.graphQL(#"mutation { logIn(input: {username: "alice", password: "pw-alice"}) { viewer { sessionToken } } }"#)
                #expect(graphQL.status == .tooManyRequests && graphQL.json["code"].int == 100, "\(graphQL.text)")
                // An X-Forwarded-For from an untrusted peer changes nothing.
                #expect(try await Self.logIn(server, "pw-alice", from: "198.51.100.7").status == .tooManyRequests)

                // Over WebSocket, the mutation gets an error message and the socket stays usable.
                let socket = try await SocketClient.connect(port: server.port, path: "/graphql", subprotocol: "graphql-transport-ws")
                await socket.send(#"{"type":"connection_init","payload":{}}"#)
                #expect(try await socket.next()["type"].string == "connection_ack")
                await socket.send(#"{"id":"1","type":"subscribe","payload":{"query":"mutation { signUp(input: {fields: {username: \"eve\", password: \"long-enough-1\", email: \"e@example.com\"}}) { viewer { sessionToken } } }"}}"#)
                let error = try await socket.next()
                #expect(error["type"].string == "error" && error["id"].string == "1")
                #expect(error["payload"][0]["message"].string == "Too many requests.", "\(error)")
                await socket.send(#"{"id":"2","type":"subscribe","payload":{"query":"{ health }"}}"#)
                #expect(try await socket.next("next")["payload"]["data"]["health"].bool == true)
                await socket.close()

                // Everything else runs; the master key is not limited; nothing was signed up.
                #expect(try await server.graphQL("{ deals { count } }", token: alice.token).status == .ok)
                let master = f.gateway.configuration.server.keys.masterKey
                #expect(try await server.send(.get, "/parse/login?username=alice&password=pw-alice",
                                              headers: [Self.masterKey: master]).status == .ok)
                let users = try await server.send(.get, "/parse/users?count=1&limit=0", headers: [Self.masterKey: master])
                #expect(users.json["count"].int == 1, "\(users.text)")
            }
        }
    }

    @Test("the limit lifts when the window ends")
    func recovers() async throws {
        try await TestGateway.run("ratelimitwindow", configure: {
            $0.server.authRateLimit = RateLimit(requests: 1, window: .seconds(5))
        }) { f in
            let alice = try await f.user("alice")
            #expect(!alice.token.isEmpty)
            try await f.withServer { server in
                let first = try await Self.logIn(server, "wrong")
                #expect(first.status == .notFound)
                #expect(try await Self.logIn(server, "pw-alice").status == .tooManyRequests)
                #expect(try await waitUntil(timeout: .seconds(20), every: .milliseconds(200)) {
                    try await Self.logIn(server, "pw-alice").status == .ok
                })
            }
        }
    }

    @Test("behind a trusted proxy each forwarded client has its own count; forged hops to the left are not read; an IPv6 /64 is one client")
    func forwardedClients() async throws {
        try await TestGateway.run("ratelimitproxy", configure: {
            $0.server.authRateLimit = RateLimit(requests: 2, window: .seconds(60))
            $0.server.trustedProxies = TrustedProxies(list: "127.0.0.1, ::1")!
        }) { f in
            _ = try await f.user("alice")
            try await f.withServer { server in try await Self.forwarded(server) }
        }
    }

    static func forwarded(_ server: TestServer) async throws {
        for _ in 0..<2 { #expect(try await Self.logIn(server, "wrong", from: "203.0.113.5").status == .notFound) }
        #expect(try await Self.logIn(server, "wrong", from: "203.0.113.5").status == .tooManyRequests)
        // The client writes its own X-Forwarded-For; the proxy appends the address it saw.
        #expect(try await Self.logIn(server, "wrong", from: "198.51.100.1, 203.0.113.5").status == .tooManyRequests)
        #expect(try await Self.logIn(server, "wrong", from: "203.0.113.6").status == .notFound)
        #expect(try await Self.logIn(server, "wrong", from: "2001:db8:1:2::1").status == .notFound)
        #expect(try await Self.logIn(server, "wrong", from: "2001:db8:1:2::ffff").status == .notFound)
        #expect(try await Self.logIn(server, "wrong", from: "2001:db8:1:2:abcd::9").status == .tooManyRequests)
        #expect(try await Self.logIn(server, "wrong", from: "2001:db8:1:3::1").status == .notFound)
        // Garbage in the header: the client is the proxy itself, which has its own count.
        #expect(try await Self.logIn(server, "wrong", from: "'; DROP TABLE \"_User\"; --").status == .notFound)
        #expect(try await server.isHealthy())
    }

    @Test("addresses and networks parse strictly; the client is read from the right")
    func addressParsing() throws {
        #expect(IPAddress("192.0.2.1")?.description == "192.0.2.1")
        #expect(IPAddress("::ffff:192.0.2.1")?.description == "192.0.2.1")
        #expect(IPAddress("[2001:db8::1]:443")?.description == "2001:db8::1")
        #expect(IPAddress("192.0.2.1:8080")?.description == "192.0.2.1")
        #expect(IPAddress("2001:db8:1:2:3:4:5:6")?.limitKey == "2001:db8:1:2::/64")
        for hostile in ["", " ", "256.1.1.1", "1.2.3", "example.com", "1.2.3.4; DROP", "::g", String(repeating: "1", count: 10_000)] {
            #expect(IPAddress(hostile) == nil, "\(hostile)")
        }
        for hostile in ["", ",", "10.0.0.0/33", "::1/129", "10.0.0.0/-1", "10.0.0.0/x", "nope", "10.0.0.1, nope"] {
            #expect(TrustedProxies(list: hostile) == nil, "\(hostile)")
        }
        let proxies = try #require(TrustedProxies(list: "10.0.0.0/8,192.0.2.7"))
        let peer = IPAddress("10.1.2.3")
        #expect(proxies.client(peer: peer, forwardedFor: ["203.0.113.9, 192.0.2.7"])?.description == "203.0.113.9")
        #expect(proxies.client(peer: peer, forwardedFor: ["6.6.6.6", "203.0.113.9"])?.description == "203.0.113.9")
        #expect(proxies.client(peer: peer, forwardedFor: [])?.description == "10.1.2.3")
        #expect(proxies.client(peer: IPAddress("198.51.100.1"), forwardedFor: ["203.0.113.9"])?.description == "198.51.100.1")
        #expect(proxies.client(peer: peer, forwardedFor: ["10.9.9.9"])?.description == "10.9.9.9", "all hops trusted: the leftmost")
    }

    @Test("the limiter's table stays bounded under many clients")
    func boundedTable() {
        let limiter = AttemptLimiter(limit: RateLimit(requests: 1, window: .seconds(60)), maxClients: 1000)
        for index in 0..<20_000 {
            let address = IPAddress(bytes: [10, UInt8(index >> 16 & 0xFF), UInt8(index >> 8 & 0xFF), UInt8(index & 0xFF)])
            #expect(limiter.admit(1, for: address) == nil)
        }
        #expect(limiter.clients <= 2000)
        #expect(limiter.admit(1, for: IPAddress("192.0.2.1")) == nil)
        #expect(limiter.admit(1, for: IPAddress("192.0.2.1")) != nil, "a client just counted is still counted")
    }
}
