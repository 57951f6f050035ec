import PostgresClient

/// The columns a read selects for one class, and how a row is turned back into a ``StoredObject``.
///
/// Protected fields are not selected at all, so they never leave the database; on `_User` the
/// caller's own row keeps them through a `CASE` on the objectId.
struct Projection: Sendable {
    let definition: ClassDefinition
    /// Selected fields, in model order.
    let fields: [FieldDefinition]
    let protected: ProtectedFields
    /// The order of the decoded objects' values: ``fields``.
    let layout: FieldLayout

    /// `keys`: the fields to return (nil: all readable ones). System fields are always returned;
    /// unknown or write-only names are refused with 102; protected fields are left out.
    init(definition: ClassDefinition, keys: [String]?, protected: ProtectedFields) throws(StoreError) {
        self.definition = definition
        self.protected = protected
        var selected = definition.fields.filter { !$0.writeOnly }
        if let keys {
            var wanted = Set<String>()
            for key in keys where !ClassDefinition.systemFieldNames.contains(key) {
                guard let field = definition.field(key), !field.writeOnly else {
                    throw StoreError.invalidQuery("Invalid key: \(StoreError.quoted(key)) on class \(definition.name).")
                }
                wanted.insert(field.name)
            }
            selected = selected.filter { wanted.contains($0.name) }
        }
        self.fields = selected.filter { !protected.hidden.contains($0.name) || protected.exemptObjectId != nil }
        layout = FieldLayout(fields.map(\.name))
    }

    /// Number of result columns this projection produces.
    var columnCount: Int { 5 + fields.reduce(0) { $0 + ($1.isPolymorphic ? 2 : 1) } }

    /// The select list for rows named `alias`; a field with a condition in `guards` is selected
    /// only where it holds (NULL elsewhere).
    func selectList(alias: String, parameters: inout SQLParameters, guards: [String: String] = [:]) -> String {
        var columns = ["objectId", "createdAt", "updatedAt", "_rperm", "_wperm"].map { SQL.column(alias, $0) }
        for field in fields {
            var condition = guards[field.name]
            if protected.hidden.contains(field.name), let own = protected.exemptObjectId {
                condition = "\(SQL.column(alias, "objectId")) = \(parameters.bind(.text(own)))"
            }
            for name in [field.name] + (field.classColumn.map { [$0] } ?? []) {
                let column = SQL.column(alias, name)
                columns.append(condition.map { "CASE WHEN \($0) THEN \(column) END" } ?? column)
            }
        }
        return columns.joined(separator: ", ")
    }

    /// Decodes the columns starting at `offset` of a row selected with ``selectList(alias:parameters:)``.
    /// Only the field values are decoded here; timestamps and ACL are read from the row when asked for.
    func decode(_ row: PostgresRow, offset: Int = 0) throws(StoreError) -> StoredObject {
        guard let objectId = row.string(offset), !row.isNull(offset + 1), !row.isNull(offset + 2) else {
            throw StoreError.internalError("row of \(definition.name) without objectId/createdAt/updatedAt")
        }
        var values: [FieldValue?] = []
        values.reserveCapacity(fields.count)
        var index = offset + 5
        for field in fields {
            let cell = row[index]
            index += 1
            var targetClass = field.targetClasses.first ?? ""
            if field.isPolymorphic {
                targetClass = row.string(index) ?? targetClass
                index += 1
            }
            values.append(Self.value(cell, type: field.type, targetClass: targetClass))
        }
        return StoredObject(className: definition.name, objectId: objectId, row: row, offset: offset, layout: layout, values: values)
    }

    static func value(_ cell: PostgresValue, type: FieldType, targetClass: String) -> FieldValue? {
        switch (type, cell) {
        case (.string, .text(let text)): .string(text)
        case (.number, .float8(let number)): .number(number)
        case (.number, .int4(let number)): .number(Double(number))
        case (.number, .int8(let number)): .number(Double(number))
        case (.boolean, .bool(let flag)): .bool(flag)
        case (.date, .timestamptz(let date)): .date(date)
        case (.object, .jsonb(let json)): .object(json)
        case (.array, .jsonb(let json)): .array(json)
        case (.pointer, .text(let id)): .pointer(className: targetClass, objectId: id)
        default: nil
        }
    }
}
