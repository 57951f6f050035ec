import DealGraphTesting
import Foundation
import PostgresClient
import Testing
@testable import CRMStore

/// A fresh database per suite, migrated, with a store on top; small factories for users and objects.
struct StoreFixture {
    let pool: PostgresPool
    let store: CRMStore

    static func make(_ prefix: String, model: ClassModel? = nil,
                     configure: (inout StoreOptions) -> Void = { _ in }) async throws -> StoreFixture {
        let configuration = try await TestCluster.shared().createDatabase(prefix: prefix)
        let pool = PostgresPool(configuration: configuration, maxConnections: 4)
        let model = try model ?? ClassModel.bundled()
        try await Migrator.run(pool: pool, model: model)
        var options = StoreOptions()
        options.bcryptCost = 4
        configure(&options)
        return StoreFixture(pool: pool, store: try await CRMStore(pool: pool, model: model, options: options))
    }

    /// A signed-up user and their resolved context.
    struct User {
        let id: String
        let token: String
        let context: AccessContext
    }

    func user(_ name: String) async throws -> User {
        let result = try await store.signUp(username: name, password: "pw-\(name)", email: "\(name)@example.com")
        let context = try await store.resolveSession(token: result.sessionToken)
        return User(id: result.user.objectId, token: result.sessionToken, context: context)
    }

    /// Re-resolves a user's session (picks up role changes).
    func refreshed(_ user: User) async throws -> AccessContext {
        try await store.resolveSession(token: user.token)
    }

    @discardableResult
    func deal(_ title: String, amount: Double? = nil, acl: ACL? = nil, extra: [String: FieldInput] = [:],
              as context: AccessContext) async throws -> String {
        var fields = extra
        fields["title"] = .set(.string(title))
        if let amount { fields["amount"] = .set(.number(amount)) }
        return try await store.create(className: "Deal", fields: fields, acl: acl, context: context).objectId
    }

    /// Row count and a checksum of every row of a table (text form), to prove nothing changed.
    func fingerprint(_ table: String) async throws -> String {
        let result = try await pool.query("SELECT count(*)::text || ':' || COALESCE(md5(string_agg(t::text, ',' ORDER BY t.\"objectId\")), '') FROM \"\(table)\" t")
        return result.first?.string(0) ?? ""
    }
}

extension ACL {
    /// Test shorthand: principals given as stored strings.
    static func of(read: [String], write: [String]) -> ACL {
        ACL(readers: Set(read.compactMap(Principal.init(stored:))), writers: Set(write.compactMap(Principal.init(stored:))))
    }
}

extension StoreFixture {
    /// Another store (another "instance") on the same database, optionally with other CLPs.
    func store(permissions: ClassLevelPermissions? = nil, for className: String = "Deal",
               configure: (inout StoreOptions) -> Void = { _ in }) async throws -> CRMStore {
        var model = store.model
        if let permissions { model = try model.with(permissions: permissions, for: className) }
        var options = store.options
        configure(&options)
        return try await CRMStore(pool: pool, model: model, options: options)
    }
}

extension StoreFixture {
    /// A second instance, already listening for invalidations when it is returned.
    func otherInstance() async throws -> CRMStore {
        try await store()
    }
}

/// Expects a StoreError with this code.
func expectCode(_ code: ParseErrorCode, sourceLocation: SourceLocation = #_sourceLocation,
                _ body: () async throws -> Void) async {
    do {
        try await body()
        Issue.record("expected error \(code), got success", sourceLocation: sourceLocation)
    } catch let error as StoreError {
        #expect(error.code == code, "\(error.debugDescription)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected StoreError \(code), got \(error)", sourceLocation: sourceLocation)
    }
}
