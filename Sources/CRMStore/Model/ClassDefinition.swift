/// One class of the model: its fields, unique constraints, default ACL policy and CLPs.
public struct ClassDefinition: Sendable, Hashable {
    /// Parse class name, also the table name (`_User`, `Deal`).
    public let name: String
    /// Declared fields in model order (system fields objectId, createdAt, updatedAt, ACL excluded).
    public let fields: [FieldDefinition]
    /// Field groups that are unique (case-insensitively for `_User.username`/`email`).
    public let unique: [[String]]
    public let defaultACL: DefaultACLPolicy
    public var permissions: ClassLevelPermissions

    private let fieldIndex: [String: Int]

    public init(name: String, fields: [FieldDefinition], unique: [[String]] = [],
                defaultACL: DefaultACLPolicy = DefaultACLPolicy(),
                permissions: ClassLevelPermissions = .publicAccess) {
        self.name = name
        self.fields = fields
        self.unique = unique
        self.defaultACL = defaultACL
        self.permissions = permissions
        self.fieldIndex = Dictionary(fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The declared field with this name, or nil (system fields are not declared fields).
    public func field(_ name: String) -> FieldDefinition? {
        fieldIndex[name].map { fields[$0] }
    }

    /// Fields stored in columns and returned to readers (everything but write-only fields), in
    /// alphabetical order.
    public var readableFields: [FieldDefinition] {
        fields.filter { !$0.writeOnly }.sorted { $0.name < $1.name }
    }

    /// The columns of the class's fields, in model order: each stored field, followed for a
    /// polymorphic pointer by its class column (what bulk loads and imports write).
    public var fieldColumns: [String] {
        fields.filter(\.isStoredColumn).flatMap { field in [field.name] + (field.classColumn.map { [$0] } ?? []) }
    }

    /// Whether this is the `_User` class (passwords, sessions, private by default).
    public var isUserClass: Bool { name == ClassModel.userClassName }

    /// System fields every class has; not listed in `fields`.
    public static let systemFieldNames = Set(systemFieldTypes.keys)
    /// The type of each system field.
    public static let systemFieldTypes: [String: FieldType] = [
        "objectId": .string, "createdAt": .date, "updatedAt": .date, "ACL": .object,
    ]

    /// A copy with other class-level permissions (tests, configuration).
    public func with(permissions: ClassLevelPermissions) -> ClassDefinition {
        var copy = self
        copy.permissions = permissions
        return copy
    }
}
