import DealGraphServer
import DealGraphTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// GraphQL over HTTP through a real socket: methods, media types, status codes and hostile
/// bodies. Every refused request is followed by a health check: the server keeps serving.
@Suite("GraphQL over HTTP: the transport")
struct TransportTests {
    static let responseJSON = "application/graphql-response+json"

    /// Runs `body` against DealGraph over HTTP on a fresh database.
    func withServer(
        configure: @escaping (inout ServerConfiguration) -> Void = { _ in }, _ body: (TestServer) async throws -> Void
    ) async throws {
        try await TestGateway.run("transport", configure: { configure(&$0.server) }) { fixture in
            try await fixture.withServer(body)
        }
    }

    /// A query that reads the schema (no session needed) and uses a variable and an operation name.
    static let typeQuery = #"query A { health } query Op($name: String!) { __type(name: $name) { name } }"#

    @Test("POST with application/json runs the operation: 200 and the negotiated Content-Type")
    func post() async throws {
        try await withServer { (server: TestServer) async throws in
            let body = #"{"query":\#(jsonString(Self.typeQuery)),"variables":{"name":"Deal","x":null},"operationName":"Op"}"#
            let plain = try await server.post(body)
            #expect(plain.status == .ok)
            #expect(plain.headers[.contentType] == "application/json; charset=utf-8")
            #expect(plain.json["data"]["__type"]["name"].string == "Deal", "variables and operationName reach the executor")

            let modern = try await server.post(#"{"query":"{ health }","variables":null,"extensions":{}}"#, accept: Self.responseJSON)
            #expect(modern.status == .ok)
            #expect(modern.headers[.contentType] == "application/graphql-response+json; charset=utf-8")
            #expect(modern.json["data"]["health"].bool == true)
        }
    }

    @Test("request errors: 400 under graphql-response+json, 200 under application/json")
    func requestErrorStatus() async throws {
        try await withServer { (server: TestServer) async throws in
            let body = #"{"query":"{ invalid"}"#
            let modern = try await server.post(body, accept: Self.responseJSON)
            #expect(modern.status == .badRequest)
            #expect(modern.json.firstErrorMessage?.hasPrefix("Syntax Error") == true)
            let legacy = try await server.post(body, accept: "application/json")
            #expect(legacy.status == .ok)
            #expect(legacy.json.firstErrorMessage?.hasPrefix("Syntax Error") == true)
            #expect(legacy.json.members?["data"] == nil)
        }
    }

    @Test("Accept: unsupported types get 406, */* and none get application/json")
    func acceptNegotiation() async throws {
        try await withServer { (server: TestServer) async throws in
            let refused = try await server.post(#"{"query":"{ health }"}"#, accept: "text/plain")
            #expect(refused.status == .notAcceptable)
            #expect(refused.json.firstErrorMessage?.contains("Accept") == true)
            #expect(try await server.post(#"{"query":"{ health }"}"#, accept: "*/*").headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(try await server.isHealthy())
        }
    }

    @Test("GET runs queries from the query string; a mutation over GET is 405 with Allow: POST")
    func get() async throws {
        try await withServer { (server: TestServer) async throws in
            let query = "/graphql?query=\(formEncoded(Self.typeQuery))&variables=\(formEncoded(#"{"name":"Deal"}"#))&operationName=Op"
            let ok = try await server.send(.get, query, headers: [.accept: "application/json"])
            #expect(ok.status == .ok)
            #expect(ok.json["data"]["__type"]["name"].string == "Deal")

            let mutation = try await server.send(.get, "/graphql?query=\(formEncoded("mutation { logOut(input: {}) { ok } }"))")
            #expect(mutation.status == .methodNotAllowed)
            #expect(mutation.headers[.allow] == "POST")

            let badVariables = try await server.send(.get, "/graphql?query=%7B+health+%7D&variables=%7Bnope")
            #expect(badVariables.status == .badRequest)
            #expect(badVariables.json.firstErrorMessage?.hasPrefix("variables is not valid JSON") == true)

            let missing = try await server.send(.get, "/graphql?variables=%7B%7D", headers: [.accept: "application/json"])
            #expect(missing.status == .badRequest)
            #expect(try await server.isHealthy())
        }
    }

    @Test("Content-Type: missing, form types and other charsets get 415")
    func contentType() async throws {
        try await withServer { (server: TestServer) async throws in
            for contentType in [nil, "text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1"] {
                var headers: HTTPFields = [:]
                if let contentType { headers[.contentType] = contentType }
                let response = try await server.send(.post, "/graphql", headers: headers, body: #"{"query":"{ health }"}"#)
                #expect(response.status == .unsupportedMediaType, "Content-Type \(contentType ?? "none")")
            }
            let utf8 = try await server.send(.post, "/graphql", headers: [.contentType: "application/json; charset=UTF-8"],
                                             body: #"{"query":"{ health }"}"#)
            #expect(utf8.status == .ok)
            #expect(try await server.isHealthy())
        }
    }

    @Test("malformed bodies get 400 with a clear message, never a 500", arguments: [
        ("{\"query\": ", "Request body is not valid JSON"),
        ("", "Request body is not valid JSON: Empty JSON text"),
        ("[{\"query\":\"{ health }\"}]", "Batched requests"),
        ("\"{ health }\"", "Request body must be a JSON object"),
        ("{}", "Missing query"),
        ("{\"query\":null}", "Missing query"),
        ("{\"query\":{\"a\":1}}", "\"query\" must be a string"),
        ("{\"query\":42}", "\"query\" must be a string"),
        ("{\"query\":\"{ health }\",\"variables\":\"{}\"}", "\"variables\" must be an object"),
        ("{\"query\":\"{ health }\",\"variables\":[1]}", "\"variables\" must be an object"),
        ("{\"query\":\"{ health }\",\"operationName\":7}", "\"operationName\" must be a string"),
        ("{\"query\":\"{ health }\",\"extensions\":true}", "\"extensions\" must be an object"),
        ("{\"query\":\"\\uD800\"}", "Lone surrogate"),
        (String(repeating: "[", count: 100_000), "nested deeper"),
    ])
    func malformed(body: String, message: String) async throws {
        try await withServer { (server: TestServer) async throws in
            for accept in [Self.responseJSON, "application/json"] {
                let response = try await server.post(body, accept: accept)
                #expect(response.status == .badRequest)
                #expect(response.json.firstErrorMessage?.contains(message) == true, "\(response.text)")
            }
            #expect(try await server.isHealthy())
        }
    }

    @Test("invalid UTF-8 in the body is a 400")
    func invalidUTF8() async throws {
        try await withServer { (server: TestServer) async throws in
            let bytes = Array(#"{"query":"{ "#.utf8) + [0xC3, 0x28] + Array(#" }"}"#.utf8)
            let response = try await server.send(.post, "/graphql", headers: [.contentType: "application/json"], bytes: bytes)
            #expect(response.status == .badRequest)
            #expect(response.json.firstErrorMessage?.contains("Invalid UTF-8") == true)
            #expect(try await server.isHealthy())
        }
    }

    @Test("a body over the limit is refused with 413 before it is parsed")
    func oversized() async throws {
        try await withServer(configure: { $0.maxBodyBytes = 1000 }) { (server: TestServer) async throws in
            let padding = String(repeating: " ", count: 2000)
            let response = try await server.post(#"{"query":"{ health }"\#(padding)}"#)
            #expect(response.status == .contentTooLarge)
            #expect(response.json.firstErrorMessage == "Request body is larger than the limit of 1000 bytes")
            #expect(try await server.post(#"{"query":"{ health }"}"#).status == .ok)
            #expect(try await server.isHealthy())
        }
    }

    @Test("GET /graphql with Accept: text/html serves the playground page: this origin's scripts only, no inline script")
    func playground() async throws {
        try await withServer { (server: TestServer) async throws in
            let page = try await server.send(.get, "/graphql", headers: [.accept: "text/html,application/xhtml+xml,*/*;q=0.8"])
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.text.contains("<textarea id=\"query\""))
            #expect(page.text.contains(#"<script type="module" src="/app/playground.js">"#))
            #expect(!page.text.contains("<script>") && !page.text.contains("src=\"http"), "no inline or external script")
            #expect(page.headers[.contentSecurityPolicy]?.contains("unsafe-inline") == false)
        }
        try await withServer(configure: { $0.playground = false }) { (server: TestServer) async throws in
            let page = try await server.send(.get, "/graphql", headers: [.accept: "text/html"])
            #expect(page.status == .notAcceptable)
        }
    }

    @Test("CORS: preflight allows the Parse headers; responses carry the allowed origin")
    func cors() async throws {
        try await withServer { (server: TestServer) async throws in
            let preflight = try await server.send(.options, "/graphql", headers: [
                .origin: "https://app.example", .accessControlRequestMethod: "POST",
                .accessControlRequestHeaders: "x-parse-session-token, content-type",
            ])
            #expect(preflight.status == .noContent)
            #expect(preflight.headers[.accessControlAllowOrigin] == "https://app.example")
            let allowed = preflight.headers[.accessControlAllowHeaders]?.lowercased() ?? ""
            for header in ["x-parse-session-token", "x-parse-application-id", "x-parse-master-key", "content-type"] {
                #expect(allowed.contains(header))
            }
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("POST") == true)
            let response = try await server.post(#"{"query":"{ health }"}"#, headers: [.origin: "https://app.example"])
            #expect(response.headers[.accessControlAllowOrigin] == "https://app.example")
        }
        try await withServer(configure: { $0.allowedOrigin = "https://crm.example" }) { (server: TestServer) async throws in
            let response = try await server.post(#"{"query":"{ health }"}"#, headers: [.origin: "https://evil.example"])
            #expect(response.headers[.accessControlAllowOrigin] == "https://crm.example")
        }
    }

    @Test("unknown paths are 404 and the server keeps serving")
    func unknownPath() async throws {
        try await withServer { (server: TestServer) async throws in
            #expect(try await server.send(.get, "/nope").status == .notFound)
            #expect(try await server.isHealthy())
        }
    }
}

/// `text` form-encoded for a query string (WHATWG `application/x-www-form-urlencoded`).
func formEncoded(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "*-._")
    return text.addingPercentEncoding(withAllowedCharacters: allowed)!.replacingOccurrences(of: "%20", with: "+")
}
