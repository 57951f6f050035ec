import PostgresClient

/// The shape of every data-changing statement: the INSERT/UPDATE/DELETE returns the row as the
/// caller may read it. The change is announced by the change log's trigger (``ChangeLog``), in
/// the same transaction.
struct ChangeStatement {
    let projection: Projection
    let readable: AccessFilter?

    init(store: CRMStore, definition: ClassDefinition, context: AccessContext) throws(StoreError) {
        let protected = ProtectedFields(definition: definition, context: context, defaults: store.options.protectedFields)
        projection = try Projection(definition: definition, keys: nil, protected: protected)
        readable = try? AccessControl.authorize(.get, on: definition, context: context)
    }

    /// `WITH w AS (<dml> RETURNING <columns>, <readable>) SELECT w.* FROM w`. `dml` must name the
    /// target table `t`.
    func wrap(_ dml: String, parameters: inout SQLParameters) -> String {
        let alias = ReadPlan.alias
        let columns = projection.selectList(alias: alias, parameters: &parameters)
        let canRead = readable.map { "COALESCE(\($0.condition(alias: alias, parameters: &parameters)), FALSE)" } ?? "FALSE"
        return "WITH w AS (\(dml) RETURNING \(columns), \(canRead) AS \"_readable\") SELECT w.* FROM w"
    }

    /// Decodes the single returned row: the object when readable by the caller.
    func decode(_ result: PostgresResult) throws(StoreError) -> (object: StoredObject, readable: Bool)? {
        guard let row = result.first else { return nil }
        let object = try projection.decode(row)
        return (object, row.bool(projection.columnCount) ?? false)
    }
}
