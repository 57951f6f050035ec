import DealGraphTesting
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import DealGraphServer

/// Parse's headers, checked before GraphQL runs, with Parse's own error bodies, against the real
/// caller resolution.
@Suite("Parse headers")
struct ParseHeaderTests {
    static let health = #"{"query":"{ health }"}"#
    static let viewer = #"{"query":"{ viewer { user { username } } }"}"#
    static let users = #"{"query":"{ users { count } }"}"#

    func withServer(
        configure: @escaping (inout ServerConfiguration) -> Void = { _ in }, _ body: (TestGateway, TestServer) async throws -> Void
    ) async throws {
        try await TestGateway.run("headers", configure: { configure(&$0.server) }) { fixture in
            try await fixture.withServer { server in try await body(fixture, server) }
        }
    }

    @Test("X-Parse-Application-Id: required only when configured; missing or wrong is 403 unauthorized")
    func applicationId() async throws {
        try await withServer(configure: { $0.keys.applicationId = "dealgraph" }) { _, server in
            for headers: HTTPFields in [[:], [ParseHeader.applicationId: "other"], [ParseHeader.applicationId: ""]] {
                let refused = try await server.post(Self.health, headers: headers)
                #expect(refused.status == .forbidden)
                #expect(refused.text == #"{"error":"unauthorized"}"#)
                #expect(try await server.isHealthy())
            }
            #expect(try await server.post(Self.health, headers: [ParseHeader.applicationId: "dealgraph"]).status == .ok)
        }
        try await withServer { _, server in
            let open = try await server.post(Self.health)
            #expect(open.status == .ok)
        }
    }

    @Test("X-Parse-Session-Token: valid resolves the user, invalid is 400 code 209 before GraphQL, empty is anonymous")
    func sessionToken() async throws {
        try await withServer { fixture, server in
            let alice = try await fixture.user("alice")
            let valid = try await server.post(Self.viewer, headers: [ParseHeader.sessionToken: alice.token])
            #expect(valid.json["data"]["viewer"]["user"]["username"].string == "alice")
            for token in ["r:wrong", "r:0123456789abcdef0123456789abcdef", "' OR 1=1 --", String(repeating: "x", count: 10_000)] {
                let refused = try await server.post(Self.health, headers: [ParseHeader.sessionToken: token])
                #expect(refused.status == .badRequest)
                #expect(refused.text == #"{"code":209,"error":"Invalid session token"}"#)
            }
            let getRefused = try await server.send(.get, "/graphql?query=%7Bhealth%7D", headers: [ParseHeader.sessionToken: "r:wrong"])
            #expect(getRefused.status == .badRequest)
            let anonymous = try await server.post(Self.viewer, headers: [ParseHeader.sessionToken: ""])
            #expect(anonymous.status == .ok)
            #expect(anonymous.json.firstErrorCode == 209, "viewer needs a session: \(anonymous.text)")
            #expect(try await server.isHealthy())
        }
    }

    @Test("X-Parse-Master-Key: the configured key makes the caller master; a wrong key is 403")
    func masterKey() async throws {
        try await withServer { fixture, server in
            let alice = try await fixture.user("alice")
            _ = try await fixture.user("bob")
            let masterKey = server.configuration.keys.masterKey
            let master = try await server.post(Self.users, headers: [ParseHeader.masterKey: masterKey])
            #expect(master.json["data"]["users"]["count"].int == 2, "master sees every user")
            let own = try await server.post(Self.users, headers: [ParseHeader.sessionToken: alice.token])
            #expect(own.json["data"]["users"]["count"].int == 1, "a user sees only themselves")
            let wrong = try await server.post(Self.users, headers: [ParseHeader.masterKey: masterKey + "x"])
            #expect(wrong.status == .forbidden)
            #expect(wrong.text == #"{"error":"unauthorized"}"#)
        }
    }

    @Test("X-Parse-Client-Key: checked only when configured; the master key is enough alone")
    func clientKey() async throws {
        try await withServer(configure: { $0.keys.clientKey = "ck" }) { _, server in
            #expect(try await server.post(Self.health).status == .forbidden)
            #expect(try await server.post(Self.health, headers: [ParseHeader.clientKey: "nope"]).status == .forbidden)
            #expect(try await server.post(Self.health, headers: [ParseHeader.clientKey: "ck"]).status == .ok)
            #expect(try await server.post(Self.health, headers: [ParseHeader.javascriptKey: "ck"]).status == .ok)
            #expect(try await server.post(Self.health, headers: [ParseHeader.restAPIKey: "ck"]).status == .ok)
            let master = try await server.post(Self.users, headers: [ParseHeader.masterKey: server.configuration.keys.masterKey])
            #expect(master.status == .ok)
            #expect(master.json["data"]["users"]["count"].int == 0)
        }
    }
}
