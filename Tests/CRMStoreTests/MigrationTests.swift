import DealGraphTesting
import Foundation
import PostgresClient
import Testing
@testable import CRMStore

@Suite struct MigrationTests {
    @Test func bundledModelLoadsTypedDefinitions() throws {
        let model = try ClassModel.bundled()
        #expect(model.classes.map(\.name) == ["_User", "Company", "Contact", "Deal", "Activity"])
        let deal = try #require(model.definition("Deal"))
        #expect(deal.field("title")?.required == true)
        #expect(deal.field("amount")?.type == .number)
        #expect(deal.field("assignedTo")?.targetClasses == ["_User"])
        #expect(deal.defaultACL.pointers["assignedTo"] == .init(read: true, write: true))
        #expect(deal.permissions.permission(for: .find).requiresAuthentication)
        #expect(deal.permissions.permission(for: .addField) == .closed)
        let relatedTo = try #require(model.definition("Activity")?.field("relatedTo"))
        #expect(relatedTo.isPolymorphic && relatedTo.targetClasses == ["Contact", "Deal"])
        #expect(model.definition("Company")?.field("createdBy")?.setByServer == true)
        #expect(model.definition("_User")?.field("password")?.writeOnly == true)
        #expect(model.pointers(targeting: "Company").map { "\($0.className).\($0.field.name)" }.sorted() == ["Contact.company", "Deal.company"])
    }

    @Test func migrationsAreVersionedAndIdempotent() async throws {
        try await TestCluster.withPool("store_migrate", maxConnections: 2) { pool in
            let model = try ClassModel.bundled()
            let first = try await Migrator.run(pool: pool, model: model)
            #expect(first.map(\.version) == [1, 2, 3])
            let second = try await Migrator.run(pool: pool, model: model)
            #expect(second.isEmpty)
            let versions = try await pool.query(#"SELECT "version" FROM "_dealgraph_migrations" ORDER BY 1"#)
            #expect(versions.compactMap { $0.int(0) } == [1, 2, 3])
            let schema = try await pool.query(#"SELECT "className" FROM "_SCHEMA" ORDER BY 1"#)
            #expect(schema.compactMap { $0.string(0) } == ["Activity", "Company", "Contact", "Deal", "_User"])
            let indexes = try await pool.query("SELECT indexname FROM pg_indexes WHERE tablename = 'Deal' ORDER BY 1")
            let names = Set(indexes.compactMap { $0.string(0) })
            #expect(names.isSuperset(of: ["Deal__rperm_gin", "Deal__wperm_gin", "Deal_company_updatedAt", "Deal_assignedTo_createdAt", "Deal_amount_objectId",
                                            "Deal_stage_expectedCloseDate", "Deal_stage_updatedAt", "Deal_company_expectedCloseDate"]))
            let columns = try await pool.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'Activity'")
            #expect(columns.compactMap { $0.string(0) }.contains("_relatedTo_className"))
        }
    }
}
