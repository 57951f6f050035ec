/// What every read needs, prepared in one place: the class, the CLP decision and row filter for the
/// operation, the projection, and the compiled where, with their bind parameters.
struct ReadPlan {
    static let alias = "t"

    let definition: ClassDefinition
    let projection: Projection
    let protected: ProtectedFields
    var compiler: WhereCompiler
    /// ACL predicate AND where, for rows named ``alias``.
    let filter: String

    /// `parameters`: those already bound by the statement the plan joins (a shared read's other slots).
    init(store: CRMStore, className: String, operation: ClassOperation, where clause: WhereClause?,
         keys: [String]?, context: AccessContext, parameters: SQLParameters = SQLParameters()) throws(StoreError) {
        definition = try store.model.require(className)
        let access = try AccessControl.authorize(operation, on: definition, context: context)
        compiler = WhereCompiler(model: store.model, context: context, protectedDefaults: store.options.protectedFields)
        compiler.parameters = parameters
        protected = compiler.protectedFields(of: definition)
        projection = try Projection(definition: definition, keys: keys, protected: protected)
        let acl = access.condition(alias: Self.alias, parameters: &compiler.parameters)
        let condition = try compiler.condition(for: clause, on: definition, alias: Self.alias)
        filter = acl + " AND " + condition
    }

    var table: String { SQL.identifier(definition.name) + " " + Self.alias }

    /// `LIMIT`/`OFFSET` after validating them (102 for negatives, as Parse).
    mutating func page(skip: Int, limit: Int?) throws(StoreError) -> String {
        guard skip >= 0 else { throw StoreError.invalidQuery("Skip should be a positive number") }
        var text = ""
        if let limit {
            guard limit >= 0 else { throw StoreError.invalidQuery("Limit should be a positive number") }
            text += " LIMIT " + compiler.parameters.bind(.int8(Int64(limit)))
        }
        if skip > 0 { text += " OFFSET " + compiler.parameters.bind(.int8(Int64(skip))) }
        return text
    }
}
