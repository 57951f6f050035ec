/// A client-named field checked against the class model: the only way a field name reaches SQL.
struct ResolvedField: Sendable {
    /// Column name (from the model, never from the client string).
    let column: String
    let type: FieldType
    /// The declared field, nil for the system fields objectId/createdAt/updatedAt.
    let definition: FieldDefinition?
    /// The class the field belongs to.
    let className: String

    /// Resolves a field for use in a where or order: system fields and readable declared fields;
    /// `ACL`, write-only and unknown names are refused with 102, protected ones with 119.
    static func queryable(_ name: String, in definition: ClassDefinition,
                          protected: ProtectedFields) throws(StoreError) -> ResolvedField {
        switch name {
        case "objectId": return ResolvedField(column: "objectId", type: .string, definition: nil, className: definition.name)
        case "createdAt", "updatedAt":
            let column = name == "createdAt" ? "createdAt" : "updatedAt"
            return ResolvedField(column: column, type: .date, definition: nil, className: definition.name)
        case "ACL": throw StoreError.invalidQuery("Cannot query on ACL.")
        default:
            guard let field = definition.field(name), !field.writeOnly else {
                throw StoreError.invalidQuery("Invalid field name: \(StoreError.quoted(name)) on class \(definition.name).")
            }
            try protected.checkQueryable(field.name, className: definition.name)
            return ResolvedField(column: field.name, type: field.type, definition: field, className: definition.name)
        }
    }

    var name: String { definition?.name ?? column }

    /// The `objectId` system field.
    var isObjectId: Bool { definition == nil && column == "objectId" }
}
