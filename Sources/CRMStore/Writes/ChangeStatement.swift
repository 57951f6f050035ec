import PostgresClient

/// The shape of every data-changing statement: the INSERT/UPDATE/DELETE returns the row as the
/// caller may read it, and announces the change with `pg_notify` in the same statement — hence in
/// the same transaction, delivered only if it commits, once per changed row (none when nothing
/// matched).
struct ChangeStatement {
    enum Operation: String { case create, update, delete }

    let definition: ClassDefinition
    let projection: Projection
    let readable: AccessFilter?

    init(store: CRMStore, definition: ClassDefinition, context: AccessContext) throws(StoreError) {
        self.definition = definition
        let protected = ProtectedFields(definition: definition, context: context, defaults: store.options.protectedFields)
        projection = try Projection(definition: definition, keys: nil, protected: protected)
        readable = try? AccessControl.authorize(.get, on: definition, context: context)
    }

    /// `WITH w AS (<dml> RETURNING <columns>, <readable>) SELECT w.*, pg_notify(...) FROM w`.
    /// `dml` must name the target table `t`.
    func wrap(_ dml: String, operation: Operation, parameters: inout SQLParameters) -> String {
        let alias = ReadPlan.alias
        let columns = projection.selectList(alias: alias, parameters: &parameters)
        let canRead = readable.map { "COALESCE(\($0.condition(alias: alias, parameters: &parameters)), FALSE)" } ?? "FALSE"
        let channel = parameters.bind(.text(CRMStore.changeChannel))
        let className = parameters.bind(.text(definition.name))
        let op = parameters.bind(.text(operation.rawValue))
        return """
            WITH w AS (\(dml) RETURNING \(columns), \(canRead) AS "_readable") SELECT w.*, pg_notify(\(channel), \
            json_build_object('className', \(className)::text, 'objectId', w."objectId", 'operation', \(op)::text)::text) FROM w
            """
    }

    /// Decodes the single returned row: the object when readable by the caller.
    func decode(_ result: PostgresResult) throws(StoreError) -> (object: StoredObject, readable: Bool)? {
        guard let row = result.first else { return nil }
        let object = try projection.decode(row)
        return (object, row.bool(projection.columnCount) ?? false)
    }
}
