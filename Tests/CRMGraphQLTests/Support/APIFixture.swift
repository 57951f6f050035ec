import CRMGraphQL
import CRMStore
import Foundation
import GraphQLEngine
import PostgresClient
import Testing

/// A fresh database per suite, migrated, with a store and the service on top; small factories
/// for users, roles and CRM objects (written through the store, as any client would).
struct APIFixture {
    let pool: PostgresPool
    let store: CRMStore
    let service: CRMGraphQLService

    static func make(_ prefix: String, configure: (inout APIConfiguration) -> Void = { _ in }) async throws -> APIFixture {
        let configuration = try await EmbeddedPostgres.sharedForTests().createDatabase(prefix: prefix)
        let pool = PostgresPool(configuration: configuration, maxConnections: 4)
        let model = try ClassModel.bundled()
        try await Migrator.run(pool: pool, model: model)
        var options = StoreOptions()
        options.bcryptCost = 4
        options.listensForInvalidations = false
        let store = try await CRMStore(pool: pool, model: model, options: options)
        var apiConfiguration = APIConfiguration()
        configure(&apiConfiguration)
        return APIFixture(pool: pool, store: store, service: try CRMGraphQLService(store: store, configuration: apiConfiguration))
    }

    /// A signed-up user with a live session.
    struct User {
        let id: String
        let token: String
        let context: AccessContext
        var credentials: RequestCredentials { RequestCredentials(access: context, sessionToken: token) }
        var globalId: String { Data("_User:\(id)".utf8).base64EncodedString() }
    }

    func user(_ name: String) async throws -> User {
        let result = try await store.signUp(username: name, password: "pw-\(name)", email: "\(name)@example.com")
        return User(id: result.user.objectId, token: result.sessionToken,
                    context: try await store.resolveSession(token: result.sessionToken))
    }

    /// A user holding the Admin role (created on first use).
    func admin(_ name: String) async throws -> User {
        let created = try await user(name)
        do {
            try await store.createRole(name: "Admin", users: [created.id], context: .master)
        } catch {
            try await store.updateRole(name: "Admin", addUsers: [created.id], context: .master)
        }
        return User(id: created.id, token: created.token, context: try await store.resolveSession(token: created.token))
    }

    @discardableResult
    func object(_ className: String, _ fields: [String: FieldValue], acl: ACL? = nil,
                as context: AccessContext) async throws -> String {
        try await store.create(className: className, fields: fields.mapValues { .set($0) }, acl: acl, context: context).objectId
    }

    /// Runs a request and parses the response; `outcome` tells which kind it was.
    func run(_ query: String, variables: Record? = nil, operationName: String? = nil, as credentials: RequestCredentials,
             allowMutations: Bool = true) async throws -> (outcome: String, json: JSONTree) {
        let request = GraphQLRequest(query: query, variables: variables, operationName: operationName)
        switch await service.execute(request, credentials: credentials, allowMutations: allowMutations) {
        case .executed(let body): return ("executed", try JSONTree(bytes: body))
        case .requestError(let body): return ("requestError", try JSONTree(bytes: body))
        case .methodNotAllowed(let body): return ("methodNotAllowed", try JSONTree(bytes: body))
        }
    }

    /// Runs a request that must execute; returns its JSON.
    func query(_ query: String, variables: Record? = nil, as credentials: RequestCredentials) async throws -> JSONTree {
        let (outcome, json) = try await run(query, variables: variables, as: credentials)
        #expect(outcome == "executed", "\(json)")
        return json
    }
}

/// Global ids as clients see them.
func globalId(_ className: String, _ objectId: String) -> String {
    Data("\(className):\(objectId)".utf8).base64EncodedString()
}

/// Master credentials (statement counts without session lookups).
let master = RequestCredentials(access: .master)
