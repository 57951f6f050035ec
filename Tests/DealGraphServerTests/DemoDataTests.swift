import CRMStore
import Logging
import PostgresClient
import Testing
@testable import DealGraphServer

@Suite("Demo data")
struct DemoDataTests {
    @Test("loads once with the default ACL policy: each user sees their own deals, Admin sees all")
    func loadsOnceWithACLs() async throws {
        let configuration = try await EmbeddedPostgres.sharedForTests().createDatabase(prefix: "demo")
        let pool = PostgresPool(configuration: configuration, maxConnections: 2)
        var options = StoreOptions()
        options.bcryptCost = 4
        let store = try await CRMStore(pool: pool, model: try .bundled(), options: options)
        _ = try await Migrator.run(pool: pool, model: store.model)
        var demo = DemoData()
        (demo.companies, demo.contacts, demo.deals, demo.activities) = (6, 30, 120, 240)
        let logger = Logger(label: "test")
        #expect(try await demo.load(into: store, password: "pw-test-1", logger: logger))
        #expect(try await !demo.load(into: store, password: "pw-test-1", logger: logger), "second load skips")

        #expect(try await store.count(className: "Deal", context: .master) == 120)
        #expect(try await store.count(className: "Activity", context: .master) == 240)
        var seen = 0
        for name in DemoData.salesUsers {
            let session = try await store.logIn(username: name, password: "pw-test-1")
            let access = try await store.resolveSession(token: session.sessionToken)
            let visible = try await store.count(className: "Deal", context: access)
            #expect(visible > 0 && visible < 120, "\(name) sees some deals, not all")
            seen += visible
        }
        #expect(seen >= 120, "every deal is visible to its owner or assignee")
        let admin = try await store.resolveSession(token: store.logIn(username: "admin", password: "pw-test-1").sessionToken)
        #expect(admin.roleNames == ["Admin"])
        #expect(try await store.count(className: "Deal", context: admin) == 120)
        await #expect(throws: StoreError.self) { try await store.count(className: "Deal", context: .anonymous) }
        await pool.close()
    }
}
