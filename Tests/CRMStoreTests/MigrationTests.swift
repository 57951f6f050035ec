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

    @Test("a field added to the class model gets its column and index on the next migration; existing rows keep their data; again changes nothing")
    func addedFieldIsAdditive() async throws {
        try await TestCluster.withPool("store_migrate_add", maxConnections: 2) { pool in
            let model = try ClassModel.bundled()
            _ = try await Migrator.run(pool: pool, model: model)
            let store = try await CRMStore(pool: pool, model: model)
            let owner = try await store.signUp(username: "owner", password: "pw-owner-1", email: "owner@example.com")
            let access = try await store.resolveSession(token: owner.sessionToken)
            let deal = try await store.create(className: "Deal", fields: ["title": .set(.string("Kept"))], context: access)
            await store.shutdown()

            let deal0 = try #require(model.definition("Deal"))
            let grown = ClassDefinition(
                name: deal0.name,
                fields: deal0.fields + [FieldDefinition(name: "priority", type: .string),
                                        FieldDefinition(name: "referredBy", type: .pointer, targetClasses: ["Contact"])],
                unique: deal0.unique, defaultACL: deal0.defaultACL, permissions: deal0.permissions)
            let next = try ClassModel(classes: model.classes.map { $0.name == "Deal" ? grown : $0 })
            let steps = try await Migrator.run(pool: pool, model: next)
            #expect(steps.map(\.name) == ["model tables", "change log"] || steps.map(\.name) == ["model tables"], "\(steps)")
            let columns = Set(try await pool.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'Deal'")
                .compactMap { $0.string(0) })
            #expect(columns.isSuperset(of: ["priority", "referredBy", "title"]))
            let indexes = try await pool.query("SELECT indexdef FROM pg_indexes WHERE tablename = 'Deal'").compactMap { $0.string(0) }
            #expect(indexes.contains { $0.contains(#"("referredBy""#) }, "a pointer gets its index: \(indexes)")
            let kept = try await pool.query(#"SELECT "title", "priority" FROM "Deal" WHERE "objectId" = $1"#, [.text(deal.objectId)])
            #expect(kept.first?.string(0) == "Kept" && kept.first?.isNull(1) == true)
            #expect(try await Migrator.run(pool: pool, model: next).isEmpty, "idempotent")
            // Back to the old model: nothing is dropped.
            _ = try await Migrator.run(pool: pool, model: model)
            let after = Set(try await pool.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'Deal'")
                .compactMap { $0.string(0) })
            #expect(after.contains("priority"), "a field removed from the model keeps its column and data")
        }
    }
}
