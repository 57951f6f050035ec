import PostgresClient

extension CRMStore {
    /// Reverse connection for many parents at once: the objects of `className` whose pointer
    /// `pointerField` points at each parent (`Company.deals` = Deal.company), one statement for all
    /// parents, with `skip`/`limit` applied per parent.
    ///
    /// - Parameters:
    ///   - parentClassName: the parents' class; required for a polymorphic pointer
    ///     (`Activity.relatedTo` of a Contact or of a Deal).
    /// - Returns: one list per entry of `parentIds`, in that order.
    public func loadReverse(className: String, pointerField: String, parentIds: [String], parentClassName: String? = nil,
                            where clause: WhereClause? = nil, order: [SortKey] = [], skip: Int = 0, limit: Int = 100,
                            keys: [String]? = nil, context: AccessContext) async throws(StoreError) -> [[StoredObject]] {
        var plan = try ReadPlan(store: self, className: className, operation: .find, where: clause, keys: keys, context: context)
        let match = try parentMatch(&plan, pointerField: pointerField, parentClassName: parentClassName)
        guard !parentIds.isEmpty else { return [] }
        guard skip >= 0, limit >= 0 else { throw StoreError.invalidQuery("Skip and limit should be positive numbers") }
        let orderBy = try OrderCompiler.orderBy(order, on: plan.definition, protected: plan.protected, alias: ReadPlan.alias)
        let parents = Array(Set(parentIds))
        let columns = plan.projection.selectList(alias: ReadPlan.alias, parameters: &plan.compiler.parameters)
        let keyList = plan.compiler.parameters.bind(texts: parents)
        let pointer = SQL.column(ReadPlan.alias, match.column)
        var grouped: [String: [StoredObject]] = [:]
        switch options.reverseLoadStrategy {
        case .lateral:
            let first = plan.compiler.parameters.bind(.int8(Int64(limit)))
            let offset = plan.compiler.parameters.bind(.int8(Int64(skip)))
            let sql = """
                SELECT p.key, l.* FROM unnest(\(keyList)) AS p(key) CROSS JOIN LATERAL (SELECT \(columns), \
                row_number() OVER (ORDER BY \(orderBy)) AS "_rn" FROM \(plan.table) WHERE \(pointer) = p.key\(match.extra) \
                AND \(plan.filter) ORDER BY \(orderBy) LIMIT \(first) OFFSET \(offset)) l ORDER BY p.key, l."_rn"
                """
            for row in try await query(sql, plan.compiler.parameters.values) {
                grouped[row.string(0) ?? "", default: []].append(try plan.projection.decode(row, offset: 1))
            }
        case .window:
            let low = plan.compiler.parameters.bind(.int8(Int64(skip)))
            let high = plan.compiler.parameters.bind(.int8(Int64(skip) + Int64(limit)))
            let sql = """
                SELECT * FROM (SELECT \(columns), \(pointer) AS "_parent", row_number() OVER (PARTITION BY \(pointer) \
                ORDER BY \(orderBy)) AS "_rn" FROM \(plan.table) WHERE \(pointer) = ANY(\(keyList))\(match.extra) \
                AND \(plan.filter)) w WHERE w."_rn" > \(low) AND w."_rn" <= \(high) ORDER BY w."_parent", w."_rn"
                """
            let parentColumn = plan.projection.columnCount
            for row in try await query(sql, plan.compiler.parameters.values) {
                grouped[row.string(parentColumn) ?? "", default: []].append(try plan.projection.decode(row))
            }
        }
        return parentIds.map { grouped[$0] ?? [] }
    }

    /// Counts of the reverse connection per parent, one `GROUP BY` statement (CLP operation `count`).
    public func countReverse(className: String, pointerField: String, parentIds: [String], parentClassName: String? = nil,
                             where clause: WhereClause? = nil, context: AccessContext) async throws(StoreError) -> [Int] {
        var plan = try ReadPlan(store: self, className: className, operation: .count, where: clause, keys: [], context: context)
        let match = try parentMatch(&plan, pointerField: pointerField, parentClassName: parentClassName)
        guard !parentIds.isEmpty else { return [] }
        let pointer = SQL.column(ReadPlan.alias, match.column)
        let keyList = plan.compiler.parameters.bind(texts: Array(Set(parentIds)))
        let sql = """
            SELECT \(pointer), count(*) FROM \(plan.table) WHERE \(pointer) = ANY(\(keyList))\(match.extra) \
            AND \(plan.filter) GROUP BY 1
            """
        var counts: [String: Int] = [:]
        for row in try await query(sql, plan.compiler.parameters.values) { counts[row.string(0) ?? ""] = row.int(1) ?? 0 }
        return parentIds.map { counts[$0] ?? 0 }
    }

    /// The pointer column to match parents on, plus the class condition of a polymorphic pointer.
    func parentMatch(_ plan: inout ReadPlan, pointerField: String,
                     parentClassName: String?) throws(StoreError) -> (column: String, extra: String) {
        try parentMatch(in: plan.definition, protected: plan.protected, parameters: &plan.compiler.parameters,
                        pointerField: pointerField, parentClassName: parentClassName)
    }

    func parentMatch(in definition: ClassDefinition, protected: ProtectedFields, parameters: inout SQLParameters,
                     pointerField: String, parentClassName: String?) throws(StoreError) -> (column: String, extra: String) {
        let field = try ResolvedField.queryable(pointerField, in: definition, protected: protected)
        guard let declared = field.definition, declared.type == .pointer else {
            throw StoreError.invalidQuery("\(StoreError.quoted(pointerField)) is not a pointer of \(definition.name).")
        }
        if let parentClassName, !declared.targetClasses.contains(parentClassName) {
            throw StoreError.invalidQuery("\(declared.name) does not point to \(StoreError.quoted(parentClassName)).")
        }
        guard let classColumn = declared.classColumn else { return (declared.name, "") }
        guard let parentClassName else {
            throw StoreError.invalidQuery("\(declared.name) points to several classes: name the parent class.")
        }
        let bound = parameters.bind(.text(parentClassName))
        return (declared.name, " AND \(SQL.column(ReadPlan.alias, classColumn)) = \(bound)")
    }
}
