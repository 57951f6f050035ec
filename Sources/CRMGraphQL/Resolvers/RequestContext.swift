import CRMStore
import GraphQLEngine

/// What every resolver of one request shares: the store, who is asking, the API's limits and
/// the request's object cache.
final class RequestContext: Sendable {
    let store: CRMStore
    let api: APIModel
    let records: RecordFactory
    let configuration: APIConfiguration
    let access: AccessContext
    /// The `X-Parse-Session-Token` the request came with (`viewer.sessionToken`, `logOut`).
    let sessionToken: String?
    let loader: ObjectLoader

    init(store: CRMStore, api: APIModel, records: RecordFactory, configuration: APIConfiguration,
         credentials: RequestCredentials) {
        self.store = store
        self.api = api
        self.records = records
        self.configuration = configuration
        self.access = credentials.access
        self.sessionToken = credentials.sessionToken
        self.loader = ObjectLoader(store: store, access: credentials.access)
    }

    /// The context of a field batch.
    static func of(_ batch: FieldBatch) throws -> RequestContext {
        guard let context = batch.context as? RequestContext else {
            throw APIError.parse(.internalServerError, "Internal server error")
        }
        return context
    }
}

/// The records of every class, with their shapes built once per service.
struct RecordFactory: Sendable {
    private let byClassName: [String: ObjectRecords]

    init(api: APIModel) {
        byClassName = Dictionary(uniqueKeysWithValues: api.classes.map { ($0.className, ObjectRecords(api: $0)) })
    }

    func record(_ object: StoredObject) -> GraphQLValue {
        byClassName[object.className]?.record(object) ?? .null
    }
}
