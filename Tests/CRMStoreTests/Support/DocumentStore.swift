import CRMStore
import DealGraphTesting
import PostgresClient

/// A store on the document model, without the rest of DealGraph: the GraphQL service refuses
/// that model at start-up ("Schema fields without a resolver: Element.value", from its Array
/// field), so no ``TestGateway`` can be built on it. ``run(_:_:)`` closes what it opens, as
/// ``TestGateway/run(_:configure:_:)`` does: the store's listener, the pool, the database.
struct DocumentStore {
    let store: CRMStore
    let pool: PostgresPool

    static func run(_ prefix: String, _ body: (DocumentStore) async throws -> Void) async throws {
        try await TestCluster.withDatabase(prefix) { database in
            try await database.withPool(maxConnections: 4) { pool in
                let model = try DocumentModel.make()
                try await Migrator.run(pool: pool, model: model)
                var options = StoreOptions()
                options.bcryptCost = 4
                let store = try await CRMStore(pool: pool, model: model, options: options)
                try await scoped({ try await body(DocumentStore(store: store, pool: pool)) }, close: { store.shutdown() })
            }
        }
    }
}
