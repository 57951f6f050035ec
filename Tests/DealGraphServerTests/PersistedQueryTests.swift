import CRMGraphQL
import DealGraphTesting
import Foundation
import HTTPTypes
import Testing
@testable import DealGraphServer

/// Apollo's persisted queries over real HTTP: the automatic protocol (miss, retry with the text,
/// hit, on POST and GET; a hash that does not match its text refused; malformed extensions
/// refused), and the allow-list mode (registered documents from the configuration and from the
/// master key's `registerDocument`; anything else refused except for the master key). Hashes are
/// computed by Python's hashlib, not by the code under test.
@Suite("Persisted queries", .timeLimit(.minutes(2)))
struct PersistedQueryTests {
    static let masterKey = HTTPField.Name("X-Parse-Master-Key")!

    static func sha256(_ text: String) async throws -> String {
        try await PythonScript.run("import hashlib, sys; print(hashlib.sha256(sys.argv[1].encode()).hexdigest())",
                                   arguments: [text]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func body(query: String?, hash: String, version: Int = 1) -> String {
        let extensions = #"{"persistedQuery":{"version":\#(version),"sha256Hash":"\#(hash)"}}"#
        return query.map { #"{"query":\#(jsonString($0)),"extensions":\#(extensions)}"# } ?? #"{"extensions":\#(extensions)}"#
    }

    @Test("automatic: an unknown hash is PersistedQueryNotFound, the retry with text runs and registers, then the hash alone runs on POST and GET")
    func automatic() async throws {
        try await TestGateway.run("apq", configure: { $0.server.authRateLimit = RateLimit(requests: 1, window: .seconds(60)) }) { f in
            let alice = try await f.user("alice")
            try await f.object("Deal", ["title": .string("Persisted")], as: alice.access)
            try await f.withServer { server in
                let token: HTTPFields = [HTTPField.Name("X-Parse-Session-Token")!: alice.token]
                let query = "query Titles { deals { edges { node { title } } } }"
                let hash = try await Self.sha256(query)

                let miss = try await server.post(Self.body(query: nil, hash: hash), headers: token)
                #expect(miss.status == .ok, "Apollo's link retries on a 200 answer")
                #expect(miss.json["errors"][0]["message"].string == "PersistedQueryNotFound", "\(miss.text)")
                #expect(miss.json["errors"][0]["extensions"]["code"].string == "PERSISTED_QUERY_NOT_FOUND")

                let retry = try await server.post(Self.body(query: query, hash: hash), headers: token)
                #expect(retry.json["data"]["deals"]["edges"][0]["node"]["title"].string == "Persisted", "\(retry.text)")
                let hit = try await server.post(Self.body(query: nil, hash: hash), headers: token)
                #expect(hit.json["data"]["deals"]["edges"][0]["node"]["title"].string == "Persisted", "\(hit.text)")
                let extensions = #"{"persistedQuery":{"version":1,"sha256Hash":"\#(hash)"}}"#
                var getHeaders = token
                getHeaders[.accept] = "application/json"
                let get = try await server.send(.get, "/graphql?extensions=\(extensions.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)",
                                                headers: getHeaders)
                #expect(get.json["data"]["deals"]["edges"][0]["node"]["title"].string == "Persisted", "\(get.text)")
                let upper = try await server.post(Self.body(query: nil, hash: hash.uppercased()), headers: token)
                #expect(upper.json["data"]["deals"] != .null, "hex digits in either case")

                // A hash that is not the text's: refused, and nothing is registered under it.
                let other = try await Self.sha256("{ health }")
                let mismatch = try await server.post(Self.body(query: query, hash: other), accept: "application/graphql-response+json")
                #expect(mismatch.status == .badRequest && mismatch.json["errors"][0]["message"].string == "provided sha does not match query")
                let stillUnknown = try await server.post(Self.body(query: nil, hash: other))
                #expect(stillUnknown.json["errors"][0]["extensions"]["code"].string == "PERSISTED_QUERY_NOT_FOUND")

                // Malformed extensions are the client's error.
                for bad in [Self.body(query: nil, hash: hash, version: 2), Self.body(query: nil, hash: "abc"),
                            Self.body(query: nil, hash: String(repeating: "zz", count: 32)),
                            #"{"extensions":{"persistedQuery":"\#(hash)"}}"#, #"{"query":"{ health }","extensions":{"persistedQuery":[]}}"#,
                            #"{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"'; DROP TABLE \"_dealgraph_documents\"; --"}}}"#] {
                    let refused = try await server.post(bad, accept: "application/graphql-response+json")
                    #expect(refused.status == .badRequest && refused.json["errors"][0]["message"].string != nil, "\(bad): \(refused.text)")
                }

                // A persisted log-in counts against the log-in limit like one sent as text.
                let logIn = #"mutation { logIn(input: {username: "alice", password: "wrong"}) { viewer { sessionToken } } }"#
                let logInHash = try await Self.sha256(logIn)
                #expect(try await server.post(Self.body(query: logIn, hash: logInHash)).json["errors"][0]["message"].string != nil)
                #expect(try await server.post(Self.body(query: nil, hash: logInHash)).status == .tooManyRequests)
                #expect(try await server.isHealthy())
            }
        }
    }

    @Test("allow-list: only registered documents run for users; the master key registers more and runs anything")
    func allowList() async throws {
        let allowed = "query Count { deals { count } }"
        try await TestGateway.run("allowlist", configure: {
            $0.api.documents = .allowList
            $0.api.registeredDocuments = [allowed]
        }) { f in
            let alice = try await f.user("alice")
            try await f.withServer { server in
                let master = f.gateway.configuration.server.keys.masterKey
                let other = "query Health { health }"
                #expect(try await server.graphQL(allowed, token: alice.token).json["data"]["deals"]["count"].int == 0)
                let hit = try await server.post(Self.body(query: nil, hash: try await Self.sha256(allowed)),
                                                headers: [HTTPField.Name("X-Parse-Session-Token")!: alice.token])
                #expect(hit.json["data"]["deals"]["count"].int == 0, "\(hit.text)")

                let refused = try await server.graphQL(other, token: alice.token, accept: "application/graphql-response+json")
                #expect(refused.status == .badRequest)
                #expect(refused.json["errors"][0]["extensions"]["code"].string == "PERSISTED_QUERY_NOT_ALLOWED", "\(refused.text)")
                let otherHash = try await Self.sha256(other)
                #expect(try await server.post(Self.body(query: other, hash: otherHash)).json["errors"][0]["extensions"]["code"].string
                        == "PERSISTED_QUERY_NOT_ALLOWED", "a client cannot register its own")
                #expect(try await server.post(Self.body(query: nil, hash: otherHash)).json["errors"][0]["extensions"]["code"].string
                        == "PERSISTED_QUERY_NOT_ALLOWED")
                #expect(try await server.graphQL(other, headers: [Self.masterKey: master]).json["data"]["health"].bool == true)

                // Subscriptions over WebSocket are held to the same list.
                let socket = try await SocketClient.connect(port: server.port, path: "/graphql", subprotocol: "graphql-transport-ws")
                await socket.send(#"{"type":"connection_init","payload":{"X-Parse-Session-Token":"\#(alice.token)"}}"#)
                #expect(try await socket.next()["type"].string == "connection_ack")
                await socket.send(#"{"id":"1","type":"subscribe","payload":{"query":"subscription { dealEvents { event } }"}}"#)
                let wsRefused = try await socket.next()
                #expect(wsRefused["type"].string == "error" && wsRefused["payload"][0]["extensions"]["code"].string == "PERSISTED_QUERY_NOT_ALLOWED",
                        "\(wsRefused)")
                await socket.close()

                // registerDocument: refused to a user, done by the master key, then the document runs.
                let register = "mutation Register($text: String!) { registerDocument(input: {text: $text}) { sha256Hash } }"
                let variables = #"{"text":\#(jsonString(other))}"#
                let byAlice = try await server.graphQL(register, variables: variables, token: alice.token)
                #expect(byAlice.json["errors"][0]["extensions"]["code"].string == "PERSISTED_QUERY_NOT_ALLOWED", "\(byAlice.text)")
                let byMaster = try await server.graphQL(register, variables: variables, headers: [Self.masterKey: master])
                #expect(byMaster.json["data"]["registerDocument"]["sha256Hash"].string == otherHash, "\(byMaster.text)")
                #expect(try await server.graphQL(other, token: alice.token).json["data"]["health"].bool == true)
                #expect(try await server.post(Self.body(query: nil, hash: otherHash)).json["data"]["health"].bool == true)

                // Kept in the database, where every gateway on it finds it.
                let rows = try await f.pool.query(#"SELECT "text" FROM "_dealgraph_documents" WHERE "sha256Hash" = $1"#, [.text(otherHash)])
                #expect(rows.first?.string(0) == other)
            }
        }
    }

    @Test("registerDocument without the master key is refused in automatic mode too")
    func registerNeedsMaster() async throws {
        try await TestGateway.run("registerdoc") { f in
            let alice = try await f.user("alice")
            let result = try await f.graphQL(#"mutation { registerDocument(input: {text: "{ health }"}) { sha256Hash } }"#, as: alice.caller)
            #expect(result.json["data"]["registerDocument"] == .null)
            #expect(result.json["errors"][0]["message"].string?.contains("master key") == true, "\(result.json)")
            let rows = try await f.pool.query(#"SELECT count(*) FROM "_dealgraph_documents""#, [])
            #expect(rows.first?.int(0) == 0)
        }
    }
}
