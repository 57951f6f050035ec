import CRMGraphQL
import CRMStore
import DealGraphServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresClient
import Testing

/// The real stack over HTTP: a fresh migrated database with a small demo data set, CRMStore,
/// CRMGraphQLService and the transport on an ephemeral port.
struct CRMServer {
    static let password = "demo-password-for-tests"
    let server: TestServer
    let store: CRMStore

    static func start(configure: (inout ServerConfiguration) -> Void = { _ in }) async throws -> CRMServer {
        let pool = PostgresPool(
            configuration: try await EmbeddedPostgres.sharedForTests().createDatabase(prefix: "e2e"), maxConnections: 4)
        let model = try ClassModel.bundled()
        try await Migrator.run(pool: pool, model: model)
        var options = StoreOptions()
        options.bcryptCost = 4
        let store = try await CRMStore(pool: pool, model: model, options: options)
        var demo = DemoData()
        (demo.companies, demo.contacts, demo.deals, demo.activities) = (9, 60, 300, 900)
        try await demo.load(into: store, password: password, logger: Logger(label: "test"))
        let backend = CRMBackend(store: store, service: try CRMGraphQLService(store: store))
        return CRMServer(server: try await TestServer.start(backend: backend, pool: pool, configure: configure), store: store)
    }

    /// POSTs an operation with variables (as JSON text) and an optional session token.
    func graphQL(
        _ query: String, variables: String = "{}", token: String? = nil, accept: String = "application/json"
    ) async throws -> TestClient.Response {
        let body = #"{"query":\#(jsonString(query)),"variables":\#(variables)}"#
        var headers: HTTPFields = [:]
        if let token { headers[HTTPField.Name("X-Parse-Session-Token")!] = token }
        return try await server.post(body, headers: headers, accept: accept)
    }

    /// Logs in over HTTP and returns the session token.
    func logIn(_ username: String, password: String = CRMServer.password) async throws -> String {
        let response = try await graphQL(
            "mutation { logIn(input: {username: \(jsonString(username)), password: \(jsonString(password))}) { viewer { sessionToken } } }")
        return try #require(response.data(["logIn", "viewer", "sessionToken"]) as? String)
    }

    func stop() async throws {
        try await server.stop()
        await server.pool.close()
    }

    private func jsonString(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: text, options: .fragmentsAllowed), as: UTF8.self)
    }
}

extension TestClient.Response {
    /// The value at `path` under `data` (keys, or list indexes as Int).
    func data(_ path: [Any]) -> Any? {
        var current: Any? = json["data"]
        for step in path {
            if let key = step as? String { current = (current as? [String: Any])?[key] }
            else if let index = step as? Int { current = (current as? [Any]).flatMap { index < $0.count ? $0[index] : nil } }
        }
        return current
    }

    /// `extensions.code` of the first error.
    var firstErrorCode: Int? {
        (((json["errors"] as? [[String: Any]])?.first?["extensions"]) as? [String: Any])?["code"] as? Int
    }
}
