import PostgresClient

/// One group of a ``CRMStore/groupSummary(className:groupBy:sum:where:context:)``: the group's
/// value (nil for objects where the field is unset), how many objects it has and the sum of a
/// Number field over them.
public struct GroupSummary: Sendable, Hashable {
    public let key: String?
    public let count: Int
    public let sum: Double
}

extension CRMStore {
    /// Groups the objects of a class the caller may read (CLP `find`, row ACL) by a String field
    /// and sums a Number field per group, in one `GROUP BY` statement (`dealPipeline`: deals by
    /// stage with their total amount). Groups come in the order of their key, unset last.
    public func groupSummary(className: String, groupBy: String, sum: String, where clause: WhereClause? = nil,
                             context: AccessContext) async throws(StoreError) -> [GroupSummary] {
        let plan = try ReadPlan(store: self, className: className, operation: .find, where: clause, keys: [], context: context)
        let group = try ResolvedField.queryable(groupBy, in: plan.definition, protected: plan.protected)
        let summed = try ResolvedField.queryable(sum, in: plan.definition, protected: plan.protected)
        guard group.type == .string, summed.type == .number else {
            throw StoreError.invalidQuery("Cannot summarize \(plan.definition.name) by \(group.name) and \(summed.name).")
        }
        let key = SQL.column(ReadPlan.alias, group.column)
        let sql = """
            SELECT \(key), count(*), COALESCE(sum(\(SQL.column(ReadPlan.alias, summed.column))), 0) FROM \(plan.table) \
            WHERE \(plan.filter) GROUP BY 1 ORDER BY 1 NULLS LAST
            """
        return try await query(sql, plan.compiler.parameters.values).map { row in
            GroupSummary(key: row.string(0), count: row.int(1) ?? 0, sum: row.double(2) ?? 0)
        }
    }
}
