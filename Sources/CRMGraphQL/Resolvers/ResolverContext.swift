import APICore
import CRMStore
import GraphQLEngine

/// What every resolver of one request shares: the store, who is asking, the API's limits and
/// the request's object cache. A live event's context tells the change's round (its reads are
/// shared with the other subscribers) when its resolvers run.
final class ResolverContext: ResolverActivity {
    let store: CRMStore
    let api: APIModel
    let records: RecordFactory
    let configuration: APIConfiguration
    let access: AccessContext
    /// The `X-Parse-Session-Token` the request came with (`viewer.sessionToken`, `logOut`).
    let sessionToken: String?
    let loader: ObjectLoader
    /// Where pointer loads and reverse connections are read.
    let reads: SharedReads
    /// GraphQL where inputs into store clauses.
    let wheres: WhereTranslation<GraphQLWhere>
    /// The gateway's live subscriptions.
    let live: LiveHub

    init(store: CRMStore, api: APIModel, records: RecordFactory, configuration: APIConfiguration,
         wheres: WhereTranslation<GraphQLWhere>, live: LiveHub, caller: Caller, ticket: LiveRound.Ticket? = nil) {
        self.store = store
        self.live = live
        self.wheres = wheres
        self.api = api
        self.records = records
        self.configuration = configuration
        self.access = caller.access
        self.sessionToken = caller.sessionToken
        self.reads = SharedReads(store: store, access: caller.access, ticket: ticket)
        self.loader = ObjectLoader(reads: reads)
    }

    func resolversStarted(_ count: Int) {
        reads.ticket?.resolversStarted(count)
    }

    func resolverFinished() {
        reads.ticket?.resolverFinished()
    }

    /// The store's clause of a `where` argument on objects of `api`.
    func clause(_ input: GraphQLValue?, on api: APIClass) throws(ParseError) -> WhereClause? {
        try wheres.clause(input, on: api.definition)
    }

    /// The context of a field batch.
    static func of(_ batch: FieldBatch) throws -> ResolverContext {
        guard let context = batch.context as? ResolverContext else {
            throw ParseError.internalServerError
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

    /// The shape of the records of a class.
    func shape(of className: String) -> RecordShape? {
        byClassName[className]?.shape
    }

    func record(_ object: StoredObject) -> GraphQLValue {
        byClassName[object.className]?.record(object) ?? .null
    }
}
