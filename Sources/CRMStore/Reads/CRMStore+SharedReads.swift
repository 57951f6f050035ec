import PostgresClient

/// What one caller of a shared read gets: its result, or why it may not read (the error its own
/// read would have thrown).
public typealias SharedResult<Value: Sendable> = Result<Value, StoreError>

extension CRMStore {
    /// ``loadByIds(className:ids:keys:context:)`` for several callers in one statement
    /// (``SharedReadPlan``): per context, the objects among `ids` that it may read, by objectId,
    /// stripped of its protected fields.
    public func loadByIds(className: String, ids: [String], keys: [String]?,
                          contexts: [AccessContext]) async throws(StoreError) -> [SharedResult<[String: StoredObject]>] {
        let (distinct, slotOf) = SharedReadPlan.slots(of: contexts)
        var plan = try SharedReadPlan(store: self, className: className, operation: .get, where: nil, keys: keys, contexts: distinct)
        let unique = Array(Set(ids))
        guard unique.count <= WhereCompiler.maximumListLength else { throw StoreError.invalidQuery("Too many ids.") }
        var found = Array(repeating: [String: StoredObject](), count: distinct.count)
        if !unique.isEmpty && plan.readsAny {
            let list = plan.parameters.bind(texts: unique)
            let sql = """
                SELECT \(SharedReadPlan.slot), \(plan.columns) FROM \(plan.table)\(plan.join) \
                WHERE \(ReadPlan.alias)."objectId" = ANY(\(list))
                """
            for row in try await query(sql, plan.parameters.values) {
                guard let slot = row.int(0), found.indices.contains(slot) else { continue }
                let object = try plan.projection.decode(row, offset: 1)
                found[slot][object.objectId] = object
            }
        }
        return slotOf.map { slot in plan.refusals[slot].map { .failure($0) } ?? .success(found[slot]) }
    }

    /// ``loadReverse(className:pointerField:parentIds:parentClassName:where:order:skip:limit:keys:context:)``
    /// for several callers in one statement: per context, each parent's page by parent id.
    public func loadReverse(className: String, pointerField: String, parentIds: [String], parentClassName: String? = nil,
                            where clause: WhereClause? = nil, order: [SortKey] = [], skip: Int = 0, limit: Int = 100,
                            keys: [String]? = nil,
                            contexts: [AccessContext]) async throws(StoreError) -> [SharedResult<[String: [StoredObject]]>] {
        guard skip >= 0, limit >= 0 else { throw StoreError.invalidQuery("Skip and limit should be positive numbers") }
        let (distinct, slotOf) = SharedReadPlan.slots(of: contexts)
        var plan = try SharedReadPlan(store: self, className: className, operation: .find, where: clause, keys: keys,
                                      contexts: distinct) { slot throws(StoreError) in
            try SharedReadPlan.queryable(pointerField)(slot)
            _ = try OrderCompiler.orderBy(order, on: slot.definition, protected: slot.protected, alias: ReadPlan.alias)
        }
        var found = Array(repeating: [String: [StoredObject]](), count: distinct.count)
        let parents = Array(Set(parentIds))
        if !parents.isEmpty, plan.readsAny {
            // Every slot left may sort by these keys; the text does not depend on the slot.
            let orderBy = try OrderCompiler.orderBy(order, on: plan.definition, protected: .none, alias: ReadPlan.alias)
            let (pointer, condition) = try plan.parentMatch(store: self, pointerField: pointerField,
                                                            parentClassName: parentClassName, parents: parents)
            let low = plan.parameters.bind(.int8(Int64(skip)))
            let high = plan.parameters.bind(.int8(Int64(skip) + Int64(limit)))
            let sql = """
                SELECT * FROM (SELECT \(SharedReadPlan.slot), \(plan.columns), \(pointer) AS "_parent", row_number() OVER \
                (PARTITION BY \(SharedReadPlan.slot), \(pointer) ORDER BY \(orderBy)) AS "_rn" FROM \(plan.table)\(plan.join) \
                WHERE \(condition)) w WHERE w."_rn" > \(low) AND w."_rn" <= \(high) ORDER BY w."_slot", w."_parent", w."_rn"
                """
            let parentColumn = 1 + plan.projection.columnCount
            for row in try await query(sql, plan.parameters.values) {
                guard let slot = row.int(0), found.indices.contains(slot) else { continue }
                found[slot][row.string(parentColumn) ?? "", default: []].append(try plan.projection.decode(row, offset: 1))
            }
        }
        return slotOf.map { slot in plan.refusals[slot].map { .failure($0) } ?? .success(found[slot]) }
    }

    /// ``countReverse(className:pointerField:parentIds:parentClassName:where:context:)`` for several
    /// callers in one statement: per context, each parent's count by parent id.
    public func countReverse(className: String, pointerField: String, parentIds: [String], parentClassName: String? = nil,
                             where clause: WhereClause? = nil,
                             contexts: [AccessContext]) async throws(StoreError) -> [SharedResult<[String: Int]>] {
        let (distinct, slotOf) = SharedReadPlan.slots(of: contexts)
        var plan = try SharedReadPlan(store: self, className: className, operation: .count, where: clause, keys: [],
                                      contexts: distinct, check: SharedReadPlan.queryable(pointerField))
        var counts = Array(repeating: [String: Int](), count: distinct.count)
        let parents = Array(Set(parentIds))
        if !parents.isEmpty, plan.readsAny {
            let (pointer, condition) = try plan.parentMatch(store: self, pointerField: pointerField,
                                                            parentClassName: parentClassName, parents: parents)
            let sql = """
                SELECT \(SharedReadPlan.slot), \(pointer), count(*) FROM \(plan.table)\(plan.join) WHERE \(condition) GROUP BY 1, 2
                """
            for row in try await query(sql, plan.parameters.values) {
                guard let slot = row.int(0), counts.indices.contains(slot) else { continue }
                counts[slot][row.string(1) ?? ""] = row.int(2) ?? 0
            }
        }
        return slotOf.map { slot in plan.refusals[slot].map { .failure($0) } ?? .success(counts[slot]) }
    }
}
