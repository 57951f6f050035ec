import CRMStore
import GraphQLEngine

/// Resolvers of the fields of class types that need more than the row: pointers, reverse
/// connections and the ACL.
struct ObjectFields: Sendable {
    let api: APIClass
    let model: APIModel

    /// A pointer field for every parent of a level: the targets' ids are collected, loaded with
    /// one statement per target class (the request's ``ObjectLoader``) and mapped back; a missing
    /// or unreadable target is null.
    func pointer(_ field: ModelField) -> FieldResolver {
        let name = field.name
        let model = self.model
        return ResolverBody.batch { batch, context in
            let references = batch.parents.map { parent -> PointerReference? in
                if case .host(let reference as PointerReference)? = parent[name] { return reference }
                return nil
            }
            var idsByClass: [String: [String]] = [:]
            for reference in references.compactMap({ $0 }) { idsByClass[reference.className, default: []].append(reference.objectId) }
            // Each class's objects come back in the order of its ids, which is the order of the references.
            var loaded: [String: [StoredObject?]] = [:]
            for (className, ids) in idsByClass.sorted(by: { $0.key < $1.key }) {
                guard let target = model.apiClass(className: className) else { continue }
                let selection = Lookahead.fields(below: [batch.plan], on: target.naming.typeName, schema: batch.schema)
                let objects = try await context.loader.load(className: className, ids: ids,
                                                            keys: Lookahead.keys(selection, api: target), for: batch.plan)
                loaded[className] = objects
                context.loader.announce(objects.compactMap { $0 }, selection: selection, api: target, model: model, schema: batch.schema)
            }
            var next: [String: Int] = [:]
            return references.map { reference in
                guard let reference, let objects = loaded[reference.className] else { return .null }
                let position = next[reference.className, default: 0]
                next[reference.className] = position + 1
                return objects[position].map(context.records.record) ?? .null
            }
        }
    }

    /// A reverse connection (`Company.deals`) for every parent of a level: one windowed or
    /// lateral statement for all parents, plus one `GROUP BY` count when the count is selected,
    /// or when `last` comes without a limit and the cursors are selected.
    func reverse(_ connection: ReverseConnection) -> FieldResolver {
        let model = self.model
        let parentClass = api.className
        return ResolverBody.batch { batch, context in
            guard let source = model.apiClass(className: connection.source.className) else { return batch.parents.map { _ in .null } }
            let parentIds = batch.parents.map { $0["objectId"]?.stringValue ?? "" }
            let use = Lookahead.connection(batch.plan, of: source, schema: batch.schema)
            let clause = try context.clause(batch.arguments["where"], on: source)
            let order = try OrderInput.sortKeys(batch.arguments["order"])
            let configuration = context.configuration
            let window = try PageWindow(arguments: batch.arguments, maxLimit: configuration.maxLimit)
            let keys = Lookahead.keys(use.nodeFields, api: source)
            let reads = context.reads
            let fieldName = connection.field.name, sourceClass = source.className
            var counts: [Int]?
            // `last: n` alone needs each parent's total only to place cursors (or an extra skip).
            let offsetsNeeded = use.cursors || window.skip > 0
            if use.count || (window.needsPreCount && offsetsNeeded) {
                counts = try await reads.countReverse(className: sourceClass, pointerField: fieldName, parentIds: parentIds,
                                                      parentClassName: parentClass, where: clause)
            }
            var pages = parentIds.map { _ in (skip: window.skip, objects: [StoredObject]()) }
            let limit = window.pageLimit(defaultLimit: configuration.defaultLimit, maxLimit: configuration.maxLimit)
            if use.page && limit > 0 && !parentIds.isEmpty {
                if window.needsPreCount {
                    // `last: n` alone: the last n objects of each parent, read in reverse order.
                    let lists = try await reads.loadReverse(
                        className: sourceClass, pointerField: fieldName, parentIds: parentIds, parentClassName: parentClass,
                        where: clause, order: Self.reversed(order), skip: 0, limit: limit, keys: keys.sorted())
                    for index in pages.indices {
                        let objects = Array(lists[index].reversed())
                        // Without a total (offsets unused), the objects read are the page.
                        let total = counts?[index] ?? objects.count
                        var page = window
                        page.apply(preCount: total)
                        let firstOffset = total - objects.count
                        pages[index] = (page.skip, Array(objects.dropFirst(max(0, page.skip - firstOffset))))
                    }
                } else {
                    let lists = try await reads.loadReverse(
                        className: sourceClass, pointerField: fieldName, parentIds: parentIds, parentClassName: parentClass,
                        where: clause, order: order, skip: window.skip, limit: limit, keys: keys.sorted())
                    for index in pages.indices { pages[index].objects = lists[index] }
                }
            }
            let objects = pages.flatMap(\.objects)
            context.loader.remember(objects, keys: keys)
            context.loader.announce(objects, selection: use.nodeFields, api: source, model: model, schema: batch.schema)
            return pages.enumerated().map { index, page in
                return ConnectionRecords.connection(nodes: page.objects.map(context.records.record), skip: page.skip,
                                                    count: counts?[index])
            }
        }
    }

    /// Every sort key reversed, with the objectId tiebreak made explicit so it reverses too.
    static func reversed(_ order: [SortKey]) -> [SortKey] {
        var keys = order.map { SortKey($0.field, descending: !$0.descending) }
        if !order.contains(where: { $0.field == "objectId" }) { keys.append(.descending("objectId")) }
        return keys
    }

    /// `ACL`, built from the row's permissions when selected.
    static let acl = FieldResolver.each { parent, _ in
        guard case .host(let reference as ACLReference)? = parent["ACL"] else { return ACLOutput.record(nil) }
        return ACLOutput.record(reference.acl)
    }
}
