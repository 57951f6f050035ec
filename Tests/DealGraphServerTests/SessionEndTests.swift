import DealGraphTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// A session that ended (expired, logged out, or revoked by a password change) opens nothing on
/// any transport: GraphQL over HTTP and REST answer Parse's 209, a graphql-transport-ws
/// `connection_init` is closed with 4403, a LiveQuery subscription gets error 209. A session that
/// is still valid keeps working throughout.
@Suite("Ended sessions on every transport", .timeLimit(.minutes(2)))
struct SessionEndTests {
    static let sessionHeader = HTTPField.Name("X-Parse-Session-Token")!

    /// Checks every transport with `token`: refused (209 / 4403) or served.
    static func expect(_ server: TestServer, token: String, refused: Bool, _ context: String,
                       sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let graphQL = try await server.graphQL("{ viewer { user { username } } }", token: token)
        let rest = try await server.send(.get, "/parse/users/me", headers: [sessionHeader: token])
        let socket = try await SocketClient.connect(port: server.port, path: "/graphql", subprotocol: "graphql-transport-ws")
        await socket.send(#"{"type":"connection_init","payload":{"X-Parse-Session-Token":"\#(token)"}}"#)
        let live = try await SocketClient.connect(port: server.port, path: "/parse")
        await live.send(#"{"op":"connect","applicationId":"any","sessionToken":"\#(token)"}"#)
        let connected = try await live.next()
        await live.send(#"{"op":"subscribe","requestId":1,"query":{"className":"Deal","where":{}}}"#)
        let subscribed = try await live.next()
        if refused {
            #expect(graphQL.status == .badRequest && graphQL.json["code"].int == 209, "\(context): \(graphQL.text)", sourceLocation: sourceLocation)
            #expect(rest.status == .badRequest && rest.json["code"].int == 209, "\(context): \(rest.text)", sourceLocation: sourceLocation)
            #expect(try await socket.ended().code == 4403, "\(context)", sourceLocation: sourceLocation)
            #expect(subscribed["op"].string == "error" && subscribed["code"].int == 209, "\(context): \(subscribed)", sourceLocation: sourceLocation)
        } else {
            #expect(graphQL.json["data"]["viewer"]["user"]["username"].string == "alice", "\(context): \(graphQL.text)", sourceLocation: sourceLocation)
            #expect(rest.json["username"].string == "alice", "\(context): \(rest.text)", sourceLocation: sourceLocation)
            #expect(try await socket.next()["type"].string == "connection_ack", "\(context)", sourceLocation: sourceLocation)
            #expect(subscribed["op"].string == "subscribed", "\(context): \(subscribed)", sourceLocation: sourceLocation)
            await socket.close()
        }
        #expect(connected["op"].string == "connected", sourceLocation: sourceLocation)
        await live.close()
    }

    @Test("an expired session is refused everywhere; a session in use is extended and keeps working")
    func expired() async throws {
        let clock = TestClock()
        try await TestGateway.run("sessionexpiry", configure: {
            $0.store.clock = clock
            $0.store.sessionLength = .seconds(3_600)
            $0.store.expireInactiveSessions = true
        }) { f in
            let alice = try await f.user("alice")
            let idle = try await f.store.logIn(username: "alice", password: "pw-alice").sessionToken
            try await f.withServer { server in
                try await Self.expect(server, token: alice.token, refused: false, "fresh")
                clock.advance(by: .seconds(2_400))
                try await Self.expect(server, token: alice.token, refused: false, "used at 40 minutes")
                clock.advance(by: .seconds(2_400))
                try await Self.expect(server, token: alice.token, refused: false, "extended by its use")
                try await Self.expect(server, token: idle, refused: true, "idle for 80 minutes")
                clock.advance(by: .seconds(7_200))
                try await Self.expect(server, token: alice.token, refused: true, "idle for two hours")
            }
        }
    }

    @Test("a password change revokes the user's other sessions and a log-out its own, on every transport")
    func revoked() async throws {
        try await TestGateway.run("sessionrevoke") { f in
            let alice = try await f.user("alice")
            let other = try await f.store.logIn(username: "alice", password: "pw-alice").sessionToken
            try await f.withServer { server in
                try await Self.expect(server, token: other, refused: false, "second session")
                let change = try await server.send(.put, "/parse/users/\(alice.id)",
                                                   headers: [Self.sessionHeader: alice.token, .contentType: "application/json"],
                                                   body: #"{"password":"a-new-password-1"}"#)
                #expect(change.status == .ok, "\(change.text)")
                try await Self.expect(server, token: other, refused: true, "after the password change")
                try await Self.expect(server, token: alice.token, refused: false, "the session that changed it")

                let logOut = try await server.graphQL("mutation { logOut(input: {}) { ok } }", token: alice.token)
                #expect(logOut.json["data"]["logOut"]["ok"].bool == true, "\(logOut.text)")
                try await Self.expect(server, token: alice.token, refused: true, "after its log-out")
                let back = try await server.send(.get, "/parse/login?username=alice&password=a-new-password-1")
                #expect(back.status == .ok, "the new password logs in: \(back.text)")
            }
        }
    }
}
