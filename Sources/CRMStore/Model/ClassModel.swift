import Foundation

/// The CRM class model: the single source of truth from which tables, queries, validation and
/// access rules are derived. Load the bundled model with ``ClassModel/bundled()``.
public struct ClassModel: Sendable, Hashable {
    public static let userClassName = "_User"
    public static let roleClassName = "_Role"
    public static let sessionClassName = "_Session"

    /// Classes in model order.
    public let classes: [ClassDefinition]
    private let index: [String: Int]

    public init(classes: [ClassDefinition]) throws(StoreError) {
        var index: [String: Int] = [:]
        for (position, definition) in classes.enumerated() {
            guard Self.isValidClassName(definition.name), index[definition.name] == nil else {
                throw StoreError(code: .invalidClassName, "Invalid class name in model.")
            }
            index[definition.name] = position
        }
        self.classes = classes
        self.index = index
        try validate()
    }

    /// The class with this name, or nil.
    public func definition(_ className: String) -> ClassDefinition? {
        index[className].map { classes[$0] }
    }

    /// The class with this name, or a 119 error as Parse gives for a class that does not exist when
    /// clients may not create classes.
    public func require(_ className: String) throws(StoreError) -> ClassDefinition {
        guard let definition = definition(className) else {
            throw StoreError.forbidden("This user is not allowed to access non-existent class: \(StoreError.quoted(className))")
        }
        return definition
    }

    /// Pointer fields of any class that can point at `className` (the reverse connections:
    /// Company -> Deal.company, Contact.company, ...).
    public func pointers(targeting className: String) -> [(className: String, field: FieldDefinition)] {
        classes.flatMap { definition in
            definition.fields
                .filter { $0.type == .pointer && $0.targetClasses.contains(className) }
                .map { (definition.name, $0) }
        }
    }

    /// A copy in which one class has other class-level permissions.
    public func with(permissions: ClassLevelPermissions, for className: String) throws(StoreError) -> ClassModel {
        try ClassModel(classes: classes.map { $0.name == className ? $0.with(permissions: permissions) : $0 })
    }

    static func isValidClassName(_ name: String) -> Bool {
        name.range(of: "^_?[A-Za-z][A-Za-z0-9_]{0,99}$", options: .regularExpression) != nil
    }

    /// A name a field may have: a letter, then letters, digits and `_`, at most 100 characters.
    public static func isValidFieldName(_ name: String) -> Bool {
        name.range(of: "^[A-Za-z][A-Za-z0-9_]{0,99}$", options: .regularExpression) != nil
    }

    private func validate() throws(StoreError) {
        for definition in classes {
            for field in definition.fields {
                guard Self.isValidFieldName(field.name), !ClassDefinition.systemFieldNames.contains(field.name) else {
                    throw StoreError(code: .invalidKeyName, "Invalid field name in model.")
                }
                if field.type == .pointer {
                    guard !field.targetClasses.isEmpty,
                          field.targetClasses.allSatisfy({ $0 == Self.userClassName || index[$0] != nil }) else {
                        throw StoreError(code: .invalidClassName, "Pointer to unknown class in model.")
                    }
                }
            }
        }
    }
}
