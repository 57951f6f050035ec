/// `ORDER BY` from sort keys: fields checked against the model (102 unknown, 119 protected), with
/// `objectId` appended as the tiebreak so that pages are stable.
enum OrderCompiler {
    static let maximumKeys = 16

    static func orderBy(_ keys: [SortKey], on definition: ClassDefinition, protected: ProtectedFields,
                        alias: String) throws(StoreError) -> String {
        guard keys.count <= maximumKeys else { throw StoreError.invalidQuery("Too many sort keys.") }
        var terms: [String] = []
        var seen = Set<String>()
        for key in keys {
            let field = try ResolvedField.queryable(key.field, in: definition, protected: protected)
            guard seen.insert(field.column).inserted else { continue }
            terms.append("\(SQL.column(alias, field.column)) \(key.descending ? "DESC" : "ASC")")
        }
        // The tiebreak follows the last key's direction, so `(field, objectId)` indexes serve
        // descending orders by a backward scan.
        let direction = keys.last?.descending == true ? "DESC" : "ASC"
        if !seen.contains("objectId") { terms.append("\(SQL.column(alias, "objectId")) \(direction)") }
        return terms.joined(separator: ", ")
    }
}
