import Foundation
import PostgresClient
@testable import CRMStore

/// A fresh database per suite, migrated, with a store on top; small factories for users and objects.
struct StoreFixture {
    let pool: PostgresPool
    let store: CRMStore

    static func make(_ prefix: String, model: ClassModel? = nil,
                     configure: (inout StoreOptions) -> Void = { _ in }) async throws -> StoreFixture {
        let configuration = try await EmbeddedPostgres.sharedForTests().createDatabase(prefix: prefix)
        let pool = PostgresPool(configuration: configuration, maxConnections: 4)
        let model = try model ?? ClassModel.bundled()
        try await Migrator.run(pool: pool, model: model)
        var options = StoreOptions()
        options.bcryptCost = 4
        configure(&options)
        return StoreFixture(pool: pool, store: CRMStore(pool: pool, model: model, options: options))
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
