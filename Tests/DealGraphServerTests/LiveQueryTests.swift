import DealGraphTesting
import HTTPTypes
import NIOCore
import NIOWebSocket
import Testing
@testable import DealGraphServer

/// Parse LiveQuery over a real WebSocket at the Parse mount path, spoken as the JavaScript SDK
/// speaks it (no subprotocol, `fields` for keys, close without unsubscribe), with writes made
/// through the REST API: events, access control on every event, errors, hostile input, and
/// events across two gateway instances on one database.
@Suite("Parse LiveQuery over a real socket", .timeLimit(.minutes(2)))
struct LiveQueryTests {
    static let appId = "dealgraph-lq-test"

    static func configure(_ configuration: inout GatewayConfiguration) {
        configuration.server.keys.applicationId = appId
        configuration.server.maxSubscriptionsPerSocket = 3
        configuration.server.maxBodyBytes = 64 * 1024
    }

    /// A socket that received `connected` for `token`.
    static func connected(_ server: TestServer, token: String?, path: String = "/parse") async throws -> SocketClient {
        let socket = try await SocketClient.connect(port: server.port, path: path)
        let tokenField = token.map { #","sessionToken":"\#($0)""# } ?? ""
        await socket.send(#"{"op":"connect","applicationId":"\#(appId)","installationId":"inst-1"\#(tokenField)}"#)
        let connected = try await socket.next()
        #expect(connected["op"].string == "connected", "\(connected)")
        #expect(connected["clientId"].string?.isEmpty == false)
        #expect(connected["installationId"].string == "inst-1")
        return socket
    }

    /// Subscribes and waits for `subscribed`.
    static func subscribe(_ socket: SocketClient, _ requestId: Int, _ query: String, extra: String = "") async throws {
        await socket.send(#"{"op":"subscribe","requestId":\#(requestId),"query":\#(query)\#(extra)}"#)
        let reply = try await socket.next()
        #expect(reply["op"].string == "subscribed", "\(reply)")
        #expect(reply["requestId"].int == requestId)
    }

    static func rest(_ server: TestServer, _ method: HTTPRequest.Method, _ route: String, _ body: String? = nil,
                     token: String) async throws -> JSONTree {
        var headers: HTTPFields = [ParseHeader.applicationId: appId, ParseHeader.sessionToken: token]
        if body != nil { headers[.contentType] = "application/json" }
        let response = try await server.send(method, "/parse" + route, headers: headers, body: body)
        #expect(response.status.code < 300, "\(response.text)")
        return response.json
    }

    static func live(_ server: TestServer, _ count: Int) async -> Bool {
        await waitUntil { await server.gateway.service.live.count == count }
    }

    @Test("create, leave, enter, update and delete as the SDK receives them, with fields limited; another user's private deal never reaches a subscriber")
    func events() async throws {
        try await TestGateway.run("lq_events", configure: Self.configure) { f in
            try await f.withServer { server in
                let alice = try await f.user("alice"), bob = try await f.user("bob")
                let aliceSocket = try await Self.connected(server, token: alice.token)
                let bobSocket = try await Self.connected(server, token: bob.token)
                try await Self.subscribe(aliceSocket, 1, #"{"className":"Deal","where":{"stage":"qualified"},"fields":["title","stage"]}"#)
                try await Self.subscribe(bobSocket, 7, #"{"className":"Deal"}"#)

                let created = try await Self.rest(server, .post, "/classes/Deal", #"{"title":"Watched","stage":"qualified","amount":5000}"#,
                                                  token: alice.token)
                let id = try #require(created["objectId"].string)
                _ = try await Self.rest(server, .put, "/classes/Deal/\(id)", #"{"stage":"won"}"#, token: alice.token)
                _ = try await Self.rest(server, .put, "/classes/Deal/\(id)", #"{"stage":"qualified"}"#, token: alice.token)
                _ = try await Self.rest(server, .put, "/classes/Deal/\(id)", #"{"title":"Renamed"}"#, token: alice.token)
                _ = try await Self.rest(server, .delete, "/classes/Deal/\(id)", token: alice.token)

                let create = try await aliceSocket.next()
                #expect(create["op"].string == "create")
                #expect(create["requestId"].int == 1)
                #expect(create["installationId"].string == "inst-1")
                #expect(create["object"]["className"].string == "Deal", "the SDK drops events whose object has no className")
                #expect(create["object"]["objectId"].string == id)
                #expect(create["object"]["title"].string == "Watched")
                #expect(create["object"]["createdAt"].string != nil)
                #expect(create["object"]["ACL"][alice.id]["read"].bool == true)
                #expect(create["object"]["amount"].isNull, "fields limits the payload")
                let leave = try await aliceSocket.next()
                #expect(leave["op"].string == "leave")
                let enter = try await aliceSocket.next()
                #expect(enter["op"].string == "enter")
                #expect(enter["object"]["stage"].string == "qualified")
                let update = try await aliceSocket.next()
                #expect(update["op"].string == "update")
                #expect(update["object"]["title"].string == "Renamed")
                #expect(update["original"]["title"].string == "Watched")
                let delete = try await aliceSocket.next()
                #expect(delete["op"].string == "delete")
                #expect(delete["object"]["objectId"].string == id)
                #expect(delete["original"].isNull)

                // Bob's first event is his own deal: none of alice's five writes reached him.
                _ = try await Self.rest(server, .post, "/classes/Deal", #"{"title":"Bob's","stage":"lead"}"#, token: bob.token)
                let bobs = try await bobSocket.next()
                #expect(bobs["op"].string == "create")
                #expect(bobs["requestId"].int == 7)
                #expect(bobs["object"]["title"].string == "Bob's")
                #expect(bobs["object"]["amount"].isNull)

                // close() without unsubscribe ends the subscriptions.
                await aliceSocket.close()
                await bobSocket.close()
                #expect(await Self.live(server, 0))
                #expect(try await server.isHealthy())
            }
        }
    }

    @Test("keys (Parse Server 7's name), watch, update and unsubscribe")
    func watchAndUpdate() async throws {
        try await TestGateway.run("lq_watch", configure: Self.configure) { f in
            try await f.withServer { server in
                let alice = try await f.user("alice")
                let socket = try await Self.connected(server, token: alice.token)
                try await Self.subscribe(socket, 1, #"{"className":"Deal","keys":["stage"],"watch":["stage"]}"#)
                let created = try await Self.rest(server, .post, "/classes/Deal", #"{"title":"One","stage":"lead"}"#, token: alice.token)
                let id = try #require(created["objectId"].string)
                #expect(try await socket.next()["op"].string == "create")
                _ = try await Self.rest(server, .put, "/classes/Deal/\(id)", #"{"title":"Two"}"#, token: alice.token)
                _ = try await Self.rest(server, .put, "/classes/Deal/\(id)", #"{"stage":"won"}"#, token: alice.token)
                let update = try await socket.next()
                #expect(update["op"].string == "update", "the title change is not watched: \(update)")
                #expect(update["object"]["stage"].string == "won")
                #expect(update["original"]["stage"].string == "lead")
                #expect(update["object"]["title"].isNull)

                // update replaces the query of requestId 1.
                await socket.send(#"{"op":"update","requestId":1,"query":{"className":"Deal","where":{"stage":"lost"}}}"#)
                #expect(try await socket.next()["op"].string == "subscribed")
                #expect(await Self.live(server, 1))
                _ = try await Self.rest(server, .put, "/classes/Deal/\(id)", #"{"title":"Three"}"#, token: alice.token)
                _ = try await Self.rest(server, .put, "/classes/Deal/\(id)", #"{"stage":"lost"}"#, token: alice.token)
                let enter = try await socket.next()
                #expect(enter["op"].string == "enter", "the old query's update was not sent: \(enter)")
                #expect(enter["object"]["title"].string == "Three", "no keys after the update")

                await socket.send(#"{"op":"unsubscribe","requestId":1}"#)
                let unsubscribed = try await socket.next()
                #expect(unsubscribed["op"].string == "unsubscribed")
                #expect(unsubscribed["requestId"].int == 1)
                #expect(await Self.live(server, 0))
                await socket.close()
            }
        }
    }

    @Test("errors keep the socket open: malformed, unknown op, not connected, bad keys, bad token, unknown class and field, limits, hostile input")
    func errors() async throws {
        try await TestGateway.run("lq_errors", configure: Self.configure) { f in
            try await f.withServer { server in
                let alice = try await f.user("alice")
                let early = try await SocketClient.connect(port: server.port, path: "/parse")
                await early.send(#"{"op":"subscribe","requestId":1,"query":{"className":"Deal"}}"#)
                let notConnected = try await early.next()
                #expect(notConnected["op"].string == "error")
                #expect(notConnected["code"].int == 2)
                #expect(notConnected["reconnect"].bool == true)
                await early.send(#"{"op":"connect","applicationId":"wrong"}"#)
                #expect(try await early.next()["code"].int == 4)
                await early.close()

                let socket = try await Self.connected(server, token: alice.token)
                func error(_ message: String) async throws -> JSONTree {
                    await socket.send(message)
                    let reply = try await socket.next()
                    #expect(reply["op"].string == "error", "\(message.prefix(60)): \(reply)")
                    return reply
                }
                #expect(try await error("not json")["code"].int == 1)
                #expect(try await error("[1,2]")["code"].int == 1)
                #expect(try await error(#"{"op":"explode"}"#)["code"].int == 3)
                #expect(try await error(#"{"op":"subscribe","requestId":"x","query":{"className":"Deal"}}"#)["code"].int == 1)
                #expect(try await error(#"{"op":"subscribe","requestId":1,"query":{"className":"Deal","keys":"title"}}"#)["code"].int == 1)
                #expect(try await error(String(repeating: "[", count: 10_000))["code"].int == 1)
                let badToken = try await error(#"{"op":"subscribe","requestId":1,"query":{"className":"Deal"},"sessionToken":"r:x' OR '1'='1"}"#)
                #expect(badToken["code"].int == 209)
                #expect(badToken["requestId"].int == 1)
                #expect(badToken["reconnect"].bool == false)
                let unknownClass = try await error(#"{"op":"subscribe","requestId":2,"query":{"className":"Deal; DROP TABLE \"Deal\""}}"#)
                #expect(unknownClass["requestId"].int == 2)
                #expect(unknownClass["code"].int != nil)
                let unknownField = try await error(#"{"op":"subscribe","requestId":3,"query":{"className":"Deal","where":{"nope":1}}}"#)
                #expect(unknownField["code"].int == 102 || unknownField["code"].int == 105, "\(unknownField)")
                let badOperator = try await error(#"{"op":"subscribe","requestId":4,"query":{"className":"Deal","where":{"title":{"$where":"1"}}}}"#)
                #expect(badOperator["code"].int == 102, "\(badOperator)")
                #expect(try await error(#"{"op":"unsubscribe","requestId":99}"#)["code"].int == 2)
                #expect(try await error(#"{"op":"update","requestId":99,"query":{"className":"Deal"}}"#)["code"].int == 2)
                await socket.send(frame: WebSocketFrame(fin: true, opcode: .binary, data: ByteBuffer(bytes: [0xff, 0])))
                #expect(try await socket.next()["code"].int == 1)

                for requestId in 10..<13 { try await Self.subscribe(socket, requestId, #"{"className":"Deal"}"#) }
                let limit = try await error(#"{"op":"subscribe","requestId":13,"query":{"className":"Deal"}}"#)
                #expect(limit["code"].int == 155)
                #expect(await server.gateway.service.live.count == 3)
                #expect(await socket.isOpen, "errors do not close the socket")

                // An oversized message closes this socket (1009); the server keeps serving.
                await socket.send(#"{"op":"subscribe","requestId":20,"query":{"className":"Deal","where":{"title":""# +
                                  String(repeating: "x", count: 70_000) + #""}}}"#)
                #expect(try await socket.ended().code == 1009)
                #expect(await Self.live(server, 0))
                #expect(try await server.isHealthy())
                let after = try await Self.connected(server, token: alice.token)
                try await Self.subscribe(after, 1, #"{"className":"Deal"}"#)
                await after.close()
            }
        }
    }

    @Test("logging out ends the session's subscriptions with 209, without waiting for a write")
    func logout() async throws {
        try await TestGateway.run("lq_logout", configure: Self.configure) { f in
            try await f.withServer { server in
                let alice = try await f.user("alice")
                let socket = try await Self.connected(server, token: alice.token)
                try await Self.subscribe(socket, 5, #"{"className":"Deal"}"#)
                _ = try await Self.rest(server, .post, "/logout", "{}", token: alice.token)
                let ended = try await socket.next()
                #expect(ended["op"].string == "error", "\(ended)")
                #expect(ended["code"].int == 209)
                #expect(ended["requestId"].int == 5)
                #expect(ended["reconnect"].bool == false)
                #expect(await Self.live(server, 0))
                // The socket stays usable: the unsubscribe of an ended subscription is error 2.
                await socket.send(#"{"op":"unsubscribe","requestId":5}"#)
                #expect(try await socket.next()["code"].int == 2)
                await socket.close()
            }
        }
    }

    @Test("an event written through one gateway reaches a subscriber of another on the same database; LiveQuery at the root mount")
    func acrossInstances() async throws {
        try await TestGateway.run("lq_instances", configure: { configuration in
            Self.configure(&configuration)
            configuration.server.parseMountPath = "/"
        }) { f in
            try await f.withServer { writer in
                let other = try await Gateway.open(database: f.database.configuration, configuration: f.gateway.configuration)
                f.closeWhenDone { await other.close() }
                let reader = try await TestServer.start(other)
                let alice = try await f.user("alice")
                let socket = try await Self.connected(reader, token: alice.token, path: "/")
                try await Self.subscribe(socket, 1, #"{"className":"Deal"}"#)
                var headers: HTTPFields = [ParseHeader.applicationId: Self.appId, ParseHeader.sessionToken: alice.token]
                headers[.contentType] = "application/json"
                let created = try await writer.send(.post, "/classes/Deal", headers: headers, body: #"{"title":"Elsewhere","stage":"lead"}"#)
                #expect(created.status == .created, "\(created.text)")
                let event = try await socket.next()
                #expect(event["op"].string == "create")
                #expect(event["object"]["title"].string == "Elsewhere")
                await socket.close()
                try await reader.stop()
            }
        }
    }
}
