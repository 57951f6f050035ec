/// A Parse field type, as named in the class model.
public enum FieldType: String, Sendable, Hashable, CaseIterable {
    case string = "String"
    case number = "Number"
    case boolean = "Boolean"
    case date = "Date"
    case object = "Object"
    case array = "Array"
    case pointer = "Pointer"

    /// The PostgreSQL column type of Parse's PostgreSQL adapter.
    var columnType: String {
        switch self {
        case .string, .pointer: "text"
        case .number: "double precision"
        case .boolean: "boolean"
        case .date: "timestamp with time zone"
        case .object, .array: "jsonb"
        }
    }
}

/// One field of a class, as declared in the class model.
public struct FieldDefinition: Sendable, Hashable {
    /// Field name, also the column name.
    public let name: String
    public let type: FieldType
    /// Required on create (non-null in output and create input).
    public let required: Bool
    /// Accepted on writes, never returned and never queryable (`_User.password`).
    public let writeOnly: Bool
    /// Set by the server (`createdBy`); a client value is refused.
    public let setByServer: Bool
    /// Pointer targets: one class, or several for a polymorphic pointer (`Activity.relatedTo`).
    public let targetClasses: [String]
    /// The values a String field takes (`examples` in the model file): a closed set that lists are
    /// filtered by with equality (`Deal.stage`), so the migrator pairs it with the class's dates.
    public let examples: [String]

    public init(name: String, type: FieldType, required: Bool = false, writeOnly: Bool = false,
                setByServer: Bool = false, targetClasses: [String] = [], examples: [String] = []) {
        self.name = name
        self.type = type
        self.required = required
        self.writeOnly = writeOnly
        self.setByServer = setByServer
        self.targetClasses = targetClasses
        self.examples = examples
    }

    /// A pointer to more than one class; stored as two columns (objectId, target class).
    public var isPolymorphic: Bool { type == .pointer && targetClasses.count > 1 }

    /// The column holding the target class of a polymorphic pointer. `_`-prefixed, so it is
    /// never mistaken for a field and never leaves the server as one.
    public var classColumn: String? { isPolymorphic ? "_\(name)_className" : nil }

    /// Whether the value lives in a column of the class table (`password` does not: it is hashed
    /// into `_hashed_password`).
    var isStoredColumn: Bool { !writeOnly }
}
