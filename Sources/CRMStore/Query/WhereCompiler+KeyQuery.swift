extension WhereCompiler {
    /// `inQueryKey` / `notInQueryKey`: `column IN (SELECT sN."key" FROM "Class" sN WHERE <acl> AND
    /// <where> AND sN."key" IS NOT NULL)`. The sub-query is checked like a find by the caller
    /// (CLP `find`, protectedFields on the key and in its where) and counts toward the nesting and
    /// constraint limits. NULL keys are left out, so `NOT IN` never meets a NULL.
    mutating func keyQuery(_ query: KeyQuery, field: ResolvedField, alias: String, depth: Int,
                           negated: Bool) throws(StoreError) -> String {
        guard depth < Self.maximumDepth else { throw StoreError.invalidQuery("Query is nested too deeply.") }
        let definition = try model.require(query.className)
        let access = try AccessControl.authorize(.find, on: definition, context: context)
        let key = try ResolvedField.queryable(query.key, in: definition, protected: protectedFields(of: definition))
        let pairing = try Self.pairing(field: field, key: key, keyClass: definition.name)
        let inner = nextAlias(depth: depth)
        let acl = access.condition(alias: inner, parameters: &parameters)
        var filter = "TRUE"
        if let clause = query.where { filter = try compile(clause, on: definition, alias: inner, depth: depth + 1) }
        let column = SQL.column(alias, field.column)
        let keyColumn = SQL.column(inner, key.column)
        var outer = column, selected = keyColumn
        if pairing == .withClass, let fieldClass = field.definition?.classColumn, let keyClass = key.definition?.classColumn {
            outer = "(\(column), \(SQL.column(alias, fieldClass)))"
            selected = "\(keyColumn), \(SQL.column(inner, keyClass))"
        }
        var classMatch = ""
        if case .ofClass(let className) = pairing, let fieldClass = field.definition?.classColumn {
            classMatch = "\(SQL.column(alias, fieldClass)) = \(parameters.bind(.text(className))) AND "
        }
        if case .pointingAt(let className) = pairing, let keyClass = key.definition?.classColumn {
            filter += " AND \(SQL.column(inner, keyClass)) = \(parameters.bind(.text(className)))"
        }
        let select = "SELECT \(selected) FROM \(SQL.identifier(definition.name)) \(inner) WHERE \(acl) AND \(filter) AND \(keyColumn) IS NOT NULL"
        if negated { return "(\(column) IS NULL OR NOT (\(classMatch)\(outer) IN (\(select))))" }
        return "(\(classMatch)\(outer) IN (\(select)))"
    }

    /// How a key's values compare with a field's.
    private enum KeyPairing: Equatable {
        /// Same type, values compared as they are.
        case sameType
        /// Ids of objects of one class, compared with a pointer (and its class column when the
        /// pointer is polymorphic).
        case ofClass(String)
        /// Two polymorphic pointers: (id, class) pairs.
        case withClass
        /// An objectId compared with a pointer key to its class (only the key's values that point
        /// at that class, when the key is polymorphic).
        case pointingAt(String)
    }

    private static func pairing(field: ResolvedField, key: ResolvedField, keyClass: String) throws(StoreError) -> KeyPairing {
        let targets = field.definition?.targetClasses ?? []
        let mismatch = StoreError.invalidQuery(
            "inQueryKey: \(keyClass).\(key.name) (\(key.type.rawValue)) cannot be compared with \(field.name) (\(field.type.rawValue)).")
        switch (field.type, key.type) {
        case (.pointer, _) where key.isObjectId:
            guard targets.contains(keyClass) else { throw mismatch }
            return .ofClass(keyClass)
        case (.pointer, .pointer):
            let keyTargets = key.definition?.targetClasses ?? []
            guard !keyTargets.isEmpty, keyTargets.allSatisfy(targets.contains) else { throw mismatch }
            return keyTargets.count == 1 ? .ofClass(keyTargets[0]) : .withClass
        case (.string, .pointer) where field.isObjectId:
            guard key.definition?.targetClasses.contains(field.className) == true else { throw mismatch }
            return .pointingAt(field.className)
        case (.pointer, _), (_, .pointer):
            throw mismatch
        default:
            guard field.type == key.type else { throw mismatch }
            return .sameType
        }
    }
}
