import PostgresClient

extension CRMStore {
    /// Objects of a class matching `where`, in `order` (objectId breaks ties), one statement.
    ///
    /// - Parameters:
    ///   - keys: fields to return (nil: all the caller may see); system fields always come back.
    ///   - limit: maximum number of objects (nil: no limit; the API layer applies its defaults).
    /// - Throws: ``StoreError`` 119/101 when the CLP forbids `find`, 102 for unknown fields or invalid
    ///   regexes, 111 for values of the wrong type.
    public func find(className: String, where clause: WhereClause? = nil, order: [SortKey] = [], skip: Int = 0,
                     limit: Int? = 100, keys: [String]? = nil, context: AccessContext) async throws(StoreError) -> [StoredObject] {
        var plan = try ReadPlan(store: self, className: className, operation: .find, where: clause, keys: keys, context: context)
        let orderBy = try OrderCompiler.orderBy(order, on: plan.definition, protected: plan.protected, alias: ReadPlan.alias)
        let columns = plan.projection.selectList(alias: ReadPlan.alias, parameters: &plan.compiler.parameters)
        let page = try plan.page(skip: skip, limit: limit)
        let sql = "SELECT \(columns) FROM \(plan.table) WHERE \(plan.filter) ORDER BY \(orderBy)\(page)"
        let result = try await query(sql, plan.compiler.parameters.values)
        var objects: [StoredObject] = []
        objects.reserveCapacity(result.count)
        for row in result { objects.append(try plan.projection.decode(row)) }
        return objects
    }

    /// Number of objects matching `where` that the caller may read (CLP operation `count`).
    public func count(className: String, where clause: WhereClause? = nil,
                      context: AccessContext) async throws(StoreError) -> Int {
        let plan = try ReadPlan(store: self, className: className, operation: .count, where: clause, keys: [], context: context)
        let result = try await query("SELECT count(*) FROM \(plan.table) WHERE \(plan.filter)", plan.compiler.parameters.values)
        return result.first?.int(0) ?? 0
    }

    /// One object by objectId (CLP operation `get`); 101 "Object not found." when it does not
    /// exist or the caller may not read it.
    public func get(className: String, objectId: String, keys: [String]? = nil,
                    context: AccessContext) async throws(StoreError) -> StoredObject {
        let objects = try await load(className: className, ids: [objectId], keys: keys, operation: .get, context: context)
        guard let object = objects.first ?? nil else { throw StoreError.objectNotFound }
        return object
    }

    /// Many objects of one class by objectId in one statement under the caller's ACL (the
    /// batched pointer load): one result per id, in the order of `ids`, nil where the object is
    /// missing or unreadable. Duplicate ids are fine.
    public func loadByIds(className: String, ids: [String], keys: [String]? = nil,
                          context: AccessContext) async throws(StoreError) -> [StoredObject?] {
        try await load(className: className, ids: ids, keys: keys, operation: .get, context: context)
    }

    private func load(className: String, ids: [String], keys: [String]?, operation: ClassOperation,
                      context: AccessContext) async throws(StoreError) -> [StoredObject?] {
        var plan = try ReadPlan(store: self, className: className, operation: operation, where: nil, keys: keys, context: context)
        guard !ids.isEmpty else { return [] }
        let unique = Array(Set(ids))
        guard unique.count <= WhereCompiler.maximumListLength else { throw StoreError.invalidQuery("Too many ids.") }
        let columns = plan.projection.selectList(alias: ReadPlan.alias, parameters: &plan.compiler.parameters)
        let keyList = plan.compiler.parameters.bind(texts: unique)
        let sql = "SELECT \(columns) FROM \(plan.table) WHERE \(ReadPlan.alias).\"objectId\" = ANY(\(keyList)) AND \(plan.filter)"
        let result = try await query(sql, plan.compiler.parameters.values)
        var byId: [String: StoredObject] = [:]
        for row in result {
            let object = try plan.projection.decode(row)
            byId[object.objectId] = object
        }
        return ids.map { byId[$0] }
    }
}
