import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import DealGraphServer

/// Parse's headers, checked before GraphQL runs, with Parse's own error bodies.
@Suite("Parse headers")
struct ParseHeaderTests {
    static let query = #"{"query":"{ a }"}"#

    func caller(_ response: TestClient.Response) -> String? {
        (response.json["data"] as? [String: Any])?["caller"] as? String
    }

    @Test("X-Parse-Application-Id: required only when configured; missing or wrong is 403 unauthorized")
    func applicationId() async throws {
        let server = try await TestServer.start(backend: TransportBackend(), configure: { $0.applicationId = "dealgraph" })
        for headers: HTTPFields in [[:], [ParseHeader.applicationId: "other"], [ParseHeader.applicationId: ""]] {
            let refused = try await server.post(Self.query, headers: headers)
            #expect(refused.status == .forbidden)
            #expect(refused.text == #"{"error":"unauthorized"}"#)
            #expect(try await server.isHealthy())
        }
        #expect(try await server.post(Self.query, headers: [ParseHeader.applicationId: "dealgraph"]).status == .ok)
        try await server.stop()

        let open = try await TestServer.start(backend: TransportBackend())
        #expect(try await open.post(Self.query).status == .ok)
        try await open.stop()
    }

    @Test("X-Parse-Session-Token: valid resolves the user, invalid is 400 code 209 before GraphQL, empty is anonymous")
    func sessionToken() async throws {
        let server = try await TestServer.start(backend: TransportBackend())
        let valid = try await server.post(Self.query, headers: [ParseHeader.sessionToken: TransportBackend.validToken])
        #expect(caller(valid) == "user")
        for token in ["r:wrong", "' OR 1=1 --", String(repeating: "x", count: 10_000)] {
            let refused = try await server.post(Self.query, headers: [ParseHeader.sessionToken: token])
            #expect(refused.status == .badRequest)
            #expect(refused.text == #"{"code":209,"error":"Invalid session token"}"#)
        }
        let getRefused = try await server.send(.get, "/graphql?query=%7Ba%7D", headers: [ParseHeader.sessionToken: "r:wrong"])
        #expect(getRefused.status == .badRequest)
        #expect(caller(try await server.post(Self.query, headers: [ParseHeader.sessionToken: ""])) == "anonymous")
        #expect(try await server.isHealthy())
        try await server.stop()
    }

    @Test("X-Parse-Master-Key: the configured key makes the caller master; a wrong key is 403")
    func masterKey() async throws {
        let server = try await TestServer.start(backend: TransportBackend())
        let master = try await server.post(Self.query, headers: [ParseHeader.masterKey: server.configuration.masterKey])
        #expect(caller(master) == "master")
        let wrong = try await server.post(Self.query, headers: [ParseHeader.masterKey: server.configuration.masterKey + "x"])
        #expect(wrong.status == .forbidden)
        #expect(wrong.text == #"{"error":"unauthorized"}"#)
        try await server.stop()
    }

    @Test("X-Parse-Client-Key: checked only when configured; the master key is enough alone")
    func clientKey() async throws {
        let server = try await TestServer.start(backend: TransportBackend(), configure: { $0.clientKey = "ck" })
        #expect(try await server.post(Self.query).status == .forbidden)
        #expect(try await server.post(Self.query, headers: [ParseHeader.clientKey: "nope"]).status == .forbidden)
        #expect(try await server.post(Self.query, headers: [ParseHeader.clientKey: "ck"]).status == .ok)
        #expect(try await server.post(Self.query, headers: [ParseHeader.javascriptKey: "ck"]).status == .ok)
        let master = try await server.post(Self.query, headers: [ParseHeader.masterKey: server.configuration.masterKey])
        #expect(caller(master) == "master")
        try await server.stop()
    }
}
