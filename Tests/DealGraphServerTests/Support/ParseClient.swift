import DealGraphTesting
import Foundation
import HTTPTypes
import HummingbirdTesting

/// A client of Parse's REST API on a test server, in both of Parse's envelopes: `X-Parse-*`
/// headers with JSON bodies and query strings (``rest(_:_:query:body:token:master:headers:)``), and
/// the JavaScript SDK's cross-origin `text/plain` POST with `_method` and the keys in the body
/// (``sdk(_:_:method:token:)``).
struct ParseClient {
    let server: TestServer
    var mount = "/parse"
    static let origin = "http://127.0.0.1:5173"

    /// A call with Parse's headers; `query` pairs are percent-encoded into the query string.
    func rest(_ method: HTTPRequest.Method, _ route: String, query: [(String, String)] = [], body: String? = nil,
              token: String? = nil, master: Bool = false, headers: HTTPFields = [:]) async throws -> TestClient.Response {
        var fields = headers
        if body != nil, fields[.contentType] == nil { fields[.contentType] = "application/json" }
        if let token { fields[HTTPField.Name("X-Parse-Session-Token")!] = token }
        if master { fields[HTTPField.Name("X-Parse-Master-Key")!] = server.configuration.keys.masterKey }
        var path = mount + route
        if !query.isEmpty {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            path += "?" + query.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
        }
        return try await server.send(method, path, headers: fields, body: body)
    }

    /// A call as the JavaScript SDK makes it: `POST` with `Content-Type: text/plain`, an `Origin`,
    /// no `X-Parse-*` header, and `_method`, `_ApplicationId`, `_ClientVersion`,
    /// `_InstallationId` and `_SessionToken` in the JSON body beside the data.
    func sdk(_ route: String, _ data: String = "{}", method: String? = nil, token: String? = nil,
             installationId: String = "8f0b7a6e-2d43-4c1a-9a52-6a0f3b9e1c11") async throws -> TestClient.Response {
        var envelope = #""_ApplicationId":"dealgraph","_ClientVersion":"js2.1.0","_InstallationId":\#(jsonString(installationId))"#
        if let method { envelope += #","_method":\#(jsonString(method))"# }
        if let token { envelope += #","_SessionToken":\#(jsonString(token))"# }
        let inner = data.trimmingCharacters(in: .whitespaces).dropFirst().dropLast().trimmingCharacters(in: .whitespacesAndNewlines)
        let body = "{" + (inner.isEmpty ? envelope : inner + "," + envelope) + "}"
        let headers: HTTPFields = [.contentType: "text/plain", .origin: Self.origin]
        return try await server.send(.post, mount + route, headers: headers, body: body)
    }
}

extension TestClient.Response {
    /// Parse's error code of the body.
    var parseCode: Int? { json["code"].int }
}
