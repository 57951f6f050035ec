import APICore
import CRMStore
import GraphQLEngine

/// The root fields of one class: `deal(id:)` and `deals(...)` (docs/API.md).
struct ClassQueries: Sendable {
    let api: APIClass

    /// `deal(id:)`: a global id or a raw objectId; 101 when missing or not readable.
    var get: FieldResolver {
        ResolverBody.root { batch, context in
            guard case .string(let id)? = batch.arguments["id"] else { throw ParseError.objectNotFound }
            let objectId = GlobalID.objectId(from: id, className: api.className)
            return try await ObjectReads.get(api, objectId: objectId, plan: batch.plan, schema: batch.schema, context: context)
        }
    }

    /// `deals(where, order, skip, after, first, before, last, options)`: one statement for the
    /// page and one for the count, each only when selected; both run at once.
    var find: FieldResolver {
        ResolverBody.root { batch, context in
            let use = Lookahead.connection(batch.plan, of: api, schema: batch.schema)
            let clause = try context.clause(batch.arguments["where"], on: api)
            let order = try OrderInput.sortKeys(batch.arguments["order"])
            let configuration = context.configuration
            var window = try PageWindow(arguments: batch.arguments, maxLimit: configuration.maxLimit)
            let store = context.store, access = context.access, className = api.className
            var count: Int?
            if window.needsPreCount {
                let total = try await store.count(className: className, where: clause, context: access)
                window.apply(preCount: total)
                count = total
            }
            let limit = use.page ? window.pageLimit(defaultLimit: configuration.defaultLimit, maxLimit: configuration.maxLimit) : 0
            let keys = Lookahead.keys(use.nodeFields, api: api)
            let skip = window.skip
            let known = count
            async let counted: Int? = use.count && known == nil
                ? store.count(className: className, where: clause, context: access) : known
            let objects = limit > 0
                ? try await store.find(className: className, where: clause, order: order, skip: skip, limit: limit,
                                       keys: keys.sorted(), context: access)
                : []
            let total = try await counted
            context.loader.remember(objects, keys: keys)
            context.loader.announce(objects, selection: use.nodeFields, api: api, model: context.api, schema: batch.schema)
            return ConnectionRecords.connection(nodes: objects.map(context.records.record), skip: skip, count: total)
        }
    }
}

/// Reads shared by `get`, `node` and `viewer`.
enum ObjectReads {
    /// One object with the columns its selection needs.
    static func get(_ api: APIClass, objectId: String, plan: FieldPlan, schema: GraphQLSchema,
                    context: ResolverContext) async throws -> GraphQLValue {
        let selection = Lookahead.fields(below: [plan], on: api.naming.typeName, schema: schema)
        let keys = Lookahead.keys(selection, api: api)
        let object = try await context.store.get(className: api.className, objectId: objectId, keys: keys.sorted(),
                                                 context: context.access)
        context.loader.remember([object], keys: keys)
        context.loader.announce([object], selection: selection, api: api, model: context.api, schema: schema)
        return context.records.record(object)
    }
}
