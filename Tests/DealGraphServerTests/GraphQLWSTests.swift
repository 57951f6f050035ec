import DealGraphTesting
import NIOCore
import NIOWebSocket
import Testing
@testable import DealGraphServer

/// GraphQL subscriptions over a real WebSocket at /graphql with the graphql-transport-ws
/// subprotocol: the handshake, events with nested selections under each subscriber's access,
/// the protocol's close codes, and hostile input after which the server keeps serving.
@Suite("graphql-transport-ws over a real socket", .timeLimit(.minutes(2)))
struct GraphQLWSTests {
    static let appId = "dealgraph-ws-test"

    static func configure(_ configuration: inout GatewayConfiguration) {
        configuration.server.keys.applicationId = appId
        configuration.server.connectionInitTimeout = .seconds(2)
        configuration.server.maxSubscriptionsPerSocket = 2
        configuration.server.maxBodyBytes = 64 * 1024
    }

    /// A socket that is acknowledged for `token` (or anonymous).
    static func connected(_ server: TestServer, token: String?) async throws -> SocketClient {
        let socket = try await SocketClient.connect(port: server.port, path: "/graphql", subprotocol: "graphql-transport-ws")
        let tokenField = token.map { #","X-Parse-Session-Token":"\#($0)""# } ?? ""
        await socket.send(#"{"type":"connection_init","payload":{"X-Parse-Application-Id":"\#(appId)"\#(tokenField)}}"#)
        let ack = try await socket.next()
        #expect(ack["type"].string == "connection_ack", "\(ack)")
        return socket
    }

    static func subscribe(_ socket: SocketClient, id: String, _ query: String) async {
        await socket.send(#"{"id":"\#(id)","type":"subscribe","payload":{"query":\#(jsonString(query))}}"#)
    }

    /// Waits until the gateway's hub holds `count` subscriptions.
    static func live(_ server: TestServer, _ count: Int) async -> Bool {
        await waitUntil { await server.gateway.service.live.count == count }
    }

    static func graphQL(_ server: TestServer, _ query: String, token: String) async throws -> JSONTree {
        let response = try await server.graphQL(query, token: token, headers: [ParseHeader.applicationId: appId])
        #expect(response.status == .ok, "\(response.text)")
        return response.json
    }

    @Test("events with nested selections reach their subscriber; another user's private deal never does; complete stops them")
    func events() async throws {
        try await TestGateway.run("ws_events", configure: Self.configure) { f in
            try await f.withServer { server in
                let alice = try await f.user("alice"), bob = try await f.user("bob")
                let aliceSocket = try await Self.connected(server, token: alice.token)
                let bobSocket = try await Self.connected(server, token: bob.token)
                let selection = "{ event node { title stage contact { name company { name } } } original { stage } }"
                await Self.subscribe(aliceSocket, id: "a", "subscription { dealEvents(where: {stage: {notEqualTo: \"lost\"}}) \(selection) }")
                await Self.subscribe(bobSocket, id: "b", "subscription Board { dealEvents \(selection) }")
                #expect(await Self.live(server, 2))

                let company = try await Self.graphQL(server, #"mutation { createCompany(input: {fields: {name: "Initech"}}) { company { objectId } } }"#,
                                                     token: alice.token)["data"]["createCompany"]["company"]["objectId"].string ?? ""
                let contact = try await Self.graphQL(server, """
                    mutation { createContact(input: {fields: {name: "Peter", company: {link: "\(company)"}}}) { contact { objectId } } }
                    """, token: alice.token)["data"]["createContact"]["contact"]["objectId"].string ?? ""
                let deal = try await Self.graphQL(server, """
                    mutation { createDeal(input: {fields: {title: "Watched", stage: "lead", contact: {link: "\(contact)"}}}) { deal { objectId } } }
                    """, token: alice.token)["data"]["createDeal"]["deal"]["objectId"].string ?? ""
                _ = try await Self.graphQL(server, #"mutation { updateDeal(input: {id: "\#(deal)", fields: {stage: "won"}}) { deal { stage } } }"#,
                                           token: alice.token)
                _ = try await Self.graphQL(server, #"mutation { updateDeal(input: {id: "\#(deal)", fields: {stage: "lost"}}) { deal { stage } } }"#,
                                           token: alice.token)

                let created = try await aliceSocket.next("next")
                #expect(created["id"].string == "a")
                let createdEvent = created["payload"]["data"]["dealEvents"]
                #expect(createdEvent["event"].string == "CREATE")
                #expect(createdEvent["node"]["contact"]["name"].string == "Peter")
                #expect(createdEvent["node"]["contact"]["company"]["name"].string == "Initech", "nested two levels")
                let updated = try await aliceSocket.next("next")["payload"]["data"]["dealEvents"]
                #expect(updated["event"].string == "UPDATE")
                #expect(updated["node"]["stage"].string == "won")
                #expect(updated["original"]["stage"].string == "lead")
                let left = try await aliceSocket.next("next")["payload"]["data"]["dealEvents"]
                #expect(left["event"].string == "LEAVE")

                // Bob's first event is his own deal: alice's private writes never reached him.
                _ = try await Self.graphQL(server, #"mutation { createDeal(input: {fields: {title: "Bob's", stage: "lead"}}) { deal { objectId } } }"#,
                                           token: bob.token)
                let bobs = try await bobSocket.next("next")
                #expect(bobs["id"].string == "b")
                #expect(bobs["payload"]["data"]["dealEvents"]["node"]["title"].string == "Bob's")
                #expect(bobs["payload"]["data"]["dealEvents"]["node"]["contact"].isNull)

                // complete: the subscription ends on the server; a later event is not sent.
                await bobSocket.send(#"{"id":"b","type":"complete"}"#)
                #expect(await Self.live(server, 1))
                await Self.subscribe(bobSocket, id: "c", "subscription { dealEvents(events: [DELETE]) { event node { title } } }")
                #expect(await Self.live(server, 2))
                _ = try await Self.graphQL(server, #"mutation { createDeal(input: {fields: {title: "Second", stage: "lead"}}) { deal { objectId } } }"#,
                                           token: bob.token)
                let bobsDeal = bobs["payload"]["data"]["dealEvents"]["node"]
                #expect(bobsDeal["title"].string == "Bob's")
                let bobIds = try await Self.graphQL(server, "{ deals { edges { node { id title } } } }", token: bob.token)
                let bobsId = bobIds["data"]["deals"]["edges"].array.first { $0["node"]["title"].string == "Bob's" }?["node"]["id"].string ?? ""
                _ = try await Self.graphQL(server, #"mutation { deleteDeal(input: {id: "\#(bobsId)"}) { deal { objectId } } }"#, token: bob.token)
                let deleted = try await bobSocket.next()
                #expect(deleted["id"].string == "c", "the completed subscription sent nothing more: \(deleted)")
                #expect(deleted["payload"]["data"]["dealEvents"]["event"].string == "DELETE")
                #expect(deleted["payload"]["data"]["dealEvents"]["node"]["title"].string == "Bob's")

                await aliceSocket.close()
                await bobSocket.close()
                #expect(await Self.live(server, 0), "closing the sockets ends their subscriptions")
                #expect(try await server.isHealthy())
            }
        }
    }

    @Test("a query over the socket gets next then complete; errors are error messages; ping is answered; the per-socket limit holds")
    func operations() async throws {
        try await TestGateway.run("ws_operations", configure: Self.configure) { f in
            try await f.withServer { server in
                let alice = try await f.user("alice")
                let socket = try await Self.connected(server, token: alice.token)
                await Self.subscribe(socket, id: "q", "{ viewer { user { username } } }")
                let result = try await socket.next()
                #expect(result["type"].string == "next")
                #expect(result["payload"]["data"]["viewer"]["user"]["username"].string == "alice")
                let done = try await socket.next()
                #expect(done["type"].string == "complete")
                #expect(done["id"].string == "q")

                await Self.subscribe(socket, id: "bad", "subscription { dealEvents { nope } }")
                let invalid = try await socket.next()
                #expect(invalid["type"].string == "error")
                #expect(invalid["id"].string == "bad")
                #expect(invalid["payload"][0]["message"].string?.contains("nope") == true, "\(invalid)")

                await socket.send(#"{"type":"ping"}"#)
                #expect(try await socket.next()["type"].string == "pong")

                await Self.subscribe(socket, id: "1", "subscription { dealEvents { event } }")
                await Self.subscribe(socket, id: "2", "subscription { contactEvents { event } }")
                #expect(await Self.live(server, 2))
                await Self.subscribe(socket, id: "3", "subscription { companyEvents { event } }")
                let refused = try await socket.next()
                #expect(refused["type"].string == "error")
                #expect(refused["id"].string == "3")
                #expect(await server.gateway.service.live.count == 2)

                // An id in use closes the socket with 4409.
                await Self.subscribe(socket, id: "1", "subscription { dealEvents { event } }")
                let ending = try await socket.ended()
                #expect(ending.code == 4409, "\(ending)")
                #expect(await Self.live(server, 0))
                #expect(try await server.isHealthy())
            }
        }
    }

    @Test("a user's sockets are limited across both protocols: 4429 for graphql-transport-ws, 155 for LiveQuery; closing one frees its place")
    func socketsPerUser() async throws {
        try await TestGateway.run("ws_quota", configure: { configuration in
            Self.configure(&configuration)
            configuration.server.maxSocketsPerUser = 2
            // The sockets here are refused for the quota, not for a slow connection_init on a busy machine.
            configuration.server.connectionInitTimeout = .seconds(20)
        }) { f in
            try await f.withServer { server in
                let alice = try await f.user("alice"), bob = try await f.user("bob")
                let first = try await Self.connected(server, token: alice.token)
                let liveQuery = try await SocketClient.connect(port: server.port, path: "/parse")
                await liveQuery.send(#"{"op":"connect","applicationId":"\#(Self.appId)","sessionToken":"\#(alice.token)"}"#)
                #expect(try await liveQuery.next()["op"].string == "connected")

                let third = try await SocketClient.connect(port: server.port, path: "/graphql", subprotocol: "graphql-transport-ws")
                await third.send(#"{"type":"connection_init","payload":{"X-Parse-Application-Id":"\#(Self.appId)","X-Parse-Session-Token":"\#(alice.token)"}}"#)
                let refused = try await third.ended()
                #expect(refused.code == 4429, "\(refused)")
                let fourth = try await SocketClient.connect(port: server.port, path: "/parse")
                await fourth.send(#"{"op":"connect","applicationId":"\#(Self.appId)","sessionToken":"\#(alice.token)"}"#)
                let error = try await fourth.next()
                #expect(error["op"].string == "error" && error["code"].int == 155 && error["reconnect"].bool == false, "\(error)")
                #expect(try await fourth.ended().code == 1008)

                // Other users, anonymous and master-key sockets are not alice's.
                _ = try await Self.connected(server, token: bob.token)
                _ = try await Self.connected(server, token: nil)
                let master = try await SocketClient.connect(port: server.port, path: "/graphql", subprotocol: "graphql-transport-ws")
                await master.send(#"{"type":"connection_init","payload":{"X-Parse-Application-Id":"\#(Self.appId)","X-Parse-Master-Key":"\#(server.configuration.keys.masterKey)"}}"#)
                #expect(try await master.next()["type"].string == "connection_ack")
                // Alice's first socket still works, and once closed its place is free again.
                await Self.subscribe(first, id: "s", "subscription { dealEvents { event } }")
                #expect(await Self.live(server, 1))
                await first.close()
                #expect(await waitUntil {
                    guard let again = try? await SocketClient.connect(port: server.port, path: "/graphql", subprotocol: "graphql-transport-ws") else { return false }
                    await again.send(#"{"type":"connection_init","payload":{"X-Parse-Application-Id":"\#(Self.appId)","X-Parse-Session-Token":"\#(alice.token)"}}"#)
                    return (try? await again.next())?["type"].string == "connection_ack"
                })
            }
        }
    }

    @Test("the protocol's close codes: 4403 bad credentials, 4401 subscribe before ack, 4429 second init, 4408 no init, 4400 garbage")
    func closeCodes() async throws {
        try await TestGateway.run("ws_close_codes", configure: Self.configure) { f in
            try await f.withServer { server in
                func open() async throws -> SocketClient {
                    try await SocketClient.connect(port: server.port, path: "/graphql", subprotocol: "graphql-transport-ws")
                }
                func ending(_ messages: [String]) async throws -> SocketClient.Ending {
                    let socket = try await open()
                    for message in messages { await socket.send(message) }
                    return try await socket.ended()
                }
                let badToken = #"{"type":"connection_init","payload":{"X-Parse-Application-Id":"\#(Self.appId)","X-Parse-Session-Token":"r:nope' OR 1=1 --"}}"#
                let forbidden = try await ending([badToken])
                #expect(forbidden.code == 4403)
                #expect(forbidden.reason == "Invalid session token")
                #expect(try await ending([#"{"type":"connection_init","payload":{"X-Parse-Application-Id":"wrong"}}"#]).code == 4403)
                #expect(try await ending([#"{"type":"connection_init"}"#]).code == 4403, "the application id is required")
                #expect(try await ending([#"{"id":"1","type":"subscribe","payload":{"query":"{ __typename }"}}"#]).code == 4401)
                let initMessage = #"{"type":"connection_init","payload":{"X-Parse-Application-Id":"\#(Self.appId)"}}"#
                #expect(try await ending([initMessage, initMessage]).code == 4429)
                #expect(try await ending([]).code == 4408, "connection_init not sent in time")
                for garbage in ["not json", "[]", #"{"type":"nope"}"#, #"{"type":1}"#, #"{"type":"connection_init","payload":"x"}"#,
                                String(repeating: "[", count: 5_000)] {
                    #expect(try await ending([garbage]).code == 4400, "\(garbage.prefix(40))")
                }
                // Anonymous and acknowledged, then invalid subscribe messages.
                for bad in [#"{"type":"subscribe","payload":{"query":"{ __typename }"}}"#, #"{"id":"1","type":"subscribe","payload":{}}"#,
                            #"{"id":"1","type":"subscribe","payload":{"query":"{ __typename }","variables":[1]}}"#] {
                    let socket = try await Self.connected(server, token: nil)
                    await socket.send(bad)
                    #expect(try await socket.ended().code == 4400, "\(bad)")
                }
                #expect(try await server.isHealthy())
            }
        }
    }

    @Test("broken frames, binary and oversized messages close the socket; the server keeps serving")
    func brokenFrames() async throws {
        try await TestGateway.run("ws_broken", configure: Self.configure) { f in
            try await f.withServer { server in
                let alice = try await f.user("alice")
                let binary = try await Self.connected(server, token: alice.token)
                await binary.send(frame: WebSocketFrame(fin: true, opcode: .binary, data: ByteBuffer(bytes: [0, 1, 2])))
                #expect(try await binary.ended().code == 4400)

                let fragmentedPing = try await Self.connected(server, token: alice.token)
                await fragmentedPing.send(frame: WebSocketFrame(fin: false, opcode: .ping, data: ByteBuffer(bytes: [1])))
                #expect(try await fragmentedPing.ended().code != nil)

                let strayContinuation = try await Self.connected(server, token: alice.token)
                await strayContinuation.send(frame: WebSocketFrame(fin: true, opcode: .continuation, data: ByteBuffer(string: "{}")))
                #expect(try await strayContinuation.ended().code != nil)

                let huge = try await Self.connected(server, token: alice.token)
                let query = "{ " + String(repeating: "__typename ", count: 20_000) + "}"
                await Self.subscribe(huge, id: "h", query)
                let hugeEnding = try await huge.ended()
                #expect(hugeEnding.code == 1009, "larger than the body limit: \(hugeEnding)")

                let deep = try await Self.connected(server, token: alice.token)
                await deep.send(#"{"id":"d","type":"subscribe","payload":{"query":"{ __typename }","variables":{"v":"# + String(repeating: "[", count: 200) + "}}")
                #expect(try await deep.ended().code == 4400)

                // Without the subprotocol, /graphql is not a WebSocket.
                await #expect(throws: (any Error).self) {
                    _ = try await SocketClient.connect(port: server.port, path: "/graphql")
                }
                #expect(await Self.live(server, 0))
                #expect(try await server.isHealthy())
                let after = try await Self.connected(server, token: alice.token)
                await Self.subscribe(after, id: "ok", "{ viewer { user { username } } }")
                #expect(try await after.next()["payload"]["data"]["viewer"]["user"]["username"].string == "alice")
                await after.close()
            }
        }
    }

    @Test("logging out ends the session's subscriptions with an error, without waiting for a write")
    func logout() async throws {
        try await TestGateway.run("ws_logout", configure: Self.configure) { f in
            try await f.withServer { server in
                let alice = try await f.user("alice")
                let socket = try await Self.connected(server, token: alice.token)
                await Self.subscribe(socket, id: "s", "subscription { dealEvents { event node { title } } }")
                #expect(await Self.live(server, 1))
                _ = try await Self.graphQL(server, "mutation { logOut(input: {}) { ok } }", token: alice.token)
                // No write follows: the hub's periodic revalidation ends the subscription.
                let ended = try await socket.next()
                #expect(ended["id"].string == "s")
                #expect(ended["type"].string == "next", "a result with the field error: \(ended)")
                #expect(ended["payload"]["errors"][0]["extensions"]["code"].int == 209, "\(ended)")
                let complete = try await socket.next()
                #expect(complete["type"].string == "complete")
                #expect(complete["id"].string == "s")
                #expect(await Self.live(server, 0))
                await socket.close()
            }
        }
    }
}

/// A real third-party client: python's gql with its websockets transport speaking
/// graphql-transport-ws, as a Python service subscribing to the CRM would.
@Suite("graphql-transport-ws with the gql client", .timeLimit(.minutes(2)))
struct GQLClientTests {
    static let script = """
        import asyncio, json, sys
        from gql import Client, gql
        from gql.transport.websockets import WebsocketsTransport

        url, app, token = sys.argv[1:4]

        async def main():
            transport = WebsocketsTransport(
                url=url, subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL],
                init_payload={"X-Parse-Application-Id": app, "X-Parse-Session-Token": token})
            async with Client(transport=transport) as session:
                print(json.dumps(await session.execute(gql("{ viewer { user { username } } }"))), flush=True)
                seen = 0
                subscription = gql("subscription { dealEvents(events: [CREATE]) { event node { title contact { name } } } }")
                async for event in session.subscribe(subscription):
                    print(json.dumps(event), flush=True)
                    seen += 1
                    if seen == 2:
                        break

        asyncio.run(main())
        """

    @Test("gql runs a query and a subscription over the socket; each event carries the nested contact")
    func gqlClient() async throws {
        try await TestGateway.run("ws_gql", configure: GraphQLWSTests.configure) { f in
            try await f.withServer { server in
                let alice = try await f.user("alice")
                let client = Task {
                    try await PythonScript.run(Self.script, arguments: ["ws://127.0.0.1:\(server.port)/graphql", GraphQLWSTests.appId, alice.token])
                }
                #expect(await GraphQLWSTests.live(server, 1), "gql's subscription is live")
                let contact = try await GraphQLWSTests.graphQL(server, #"mutation { createContact(input: {fields: {name: "Peter"}}) { contact { objectId } } }"#,
                                                               token: alice.token)["data"]["createContact"]["contact"]["objectId"].string ?? ""
                for title in ["First", "Second"] {
                    _ = try await GraphQLWSTests.graphQL(server, """
                        mutation { createDeal(input: {fields: {title: "\(title)", stage: "lead", contact: {link: "\(contact)"}}}) { deal { objectId } } }
                        """, token: alice.token)
                }
                let lines = try await client.value.split(separator: "\n").map { try JSONTree(bytes: Array($0.utf8)) }
                #expect(lines.count == 3)
                #expect(lines.first?["viewer"]["user"]["username"].string == "alice")
                #expect(lines.dropFirst().map { $0["dealEvents"]["node"]["title"].string } == ["First", "Second"])
                #expect(lines.last?["dealEvents"]["node"]["contact"]["name"].string == "Peter")
                #expect(await GraphQLWSTests.live(server, 0), "gql completed its subscription")
            }
        }
    }
}
