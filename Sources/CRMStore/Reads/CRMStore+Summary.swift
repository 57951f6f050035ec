import PostgresClient

/// One group of a summary: the grouping value (nil for objects without it), how many objects the
/// caller may read in it, and the sum of the summed field over them.
public struct GroupSummary: Sendable, Hashable {
    public let key: FieldValue?
    public let count: Int
    public let sum: Double?
}

extension CRMStore {
    /// Counts and sums per value of a field, in SQL under the caller's ACL (the `dealPipeline`
    /// aggregate: `summarize(className: "Deal", groupBy: "stage", sum: "amount", ...)`), one
    /// statement, groups ordered by their key. CLP operation `find`.
    public func summarize(className: String, groupBy: String, sum: String? = nil, where clause: WhereClause? = nil,
                          context: AccessContext) async throws(StoreError) -> [GroupSummary] {
        let plan = try ReadPlan(store: self, className: className, operation: .find, where: clause, keys: [], context: context)
        let group = try ResolvedField.queryable(groupBy, in: plan.definition, protected: plan.protected)
        var total = "NULL::double precision"
        if let sum {
            let field = try ResolvedField.queryable(sum, in: plan.definition, protected: plan.protected)
            guard field.type == .number else { throw StoreError.invalidQuery("Only Number fields can be summed.") }
            total = "sum(\(SQL.column(ReadPlan.alias, field.column)))"
        }
        let key = SQL.column(ReadPlan.alias, group.column)
        let sql = "SELECT \(key), count(*), \(total) FROM \(plan.table) WHERE \(plan.filter) GROUP BY 1 ORDER BY 1"
        let targetClass = group.definition?.targetClasses.first ?? ""
        return try await query(sql, plan.compiler.parameters.values).map { row in
            GroupSummary(key: Projection.value(row[0], type: group.type, targetClass: targetClass),
                         count: row.int(1) ?? 0, sum: row.double(2))
        }
    }
}
