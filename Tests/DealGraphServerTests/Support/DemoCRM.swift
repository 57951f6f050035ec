import CRMStore
import DealGraphTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging

/// The real stack over HTTP on a small demo data set: users alice, bob, carol and admin (role
/// Admin), 9 companies, 60 contacts, 300 deals and 900 activities.
struct DemoCRM {
    static let password = "demo-password-for-tests"
    let fixture: TestGateway
    let server: TestServer

    static func run(_ body: (DemoCRM) async throws -> Void) async throws {
        try await TestGateway.run("e2e") { fixture in
            var demo = DemoData()
            (demo.companies, demo.contacts, demo.deals, demo.activities) = (9, 60, 300, 900)
            try await demo.load(into: fixture.store, password: password, logger: Logger(label: "test"))
            try await fixture.withServer { server in try await body(DemoCRM(fixture: fixture, server: server)) }
        }
    }

    /// POSTs an operation with variables (as JSON text) and an optional session token.
    func graphQL(_ query: String, variables: String = "{}", token: String? = nil, accept: String = "application/json")
        async throws -> TestClient.Response
    {
        try await server.graphQL(query, variables: variables, token: token, accept: accept)
    }

    /// Logs in over HTTP and returns the session token.
    func logIn(_ username: String, password: String = DemoCRM.password) async throws -> String {
        let response = try await graphQL(
            "mutation { logIn(input: {username: \(jsonString(username)), password: \(jsonString(password))}) { viewer { sessionToken } } }")
        guard let token = response.json["data"]["logIn"]["viewer"]["sessionToken"].string else {
            throw TestFailure("logIn failed: \(response.text)")
        }
        return token
    }
}
