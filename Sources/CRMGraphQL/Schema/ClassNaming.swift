import CRMStore

/// Parse's naming rules for generated GraphQL names (docs/API.md): the type name
/// drops a leading `_` and upper-cases the first letter (`_User` -> `User`); the get field is the
/// type name with a lower-case first letter, the find field its plural (`deal`/`deals`,
/// `company`/`companies`).
struct ClassNaming: Sendable, Hashable {
    /// The Parse class name (`_User`, `Deal`).
    let className: String
    /// The GraphQL type name (`User`, `Deal`).
    let typeName: String
    /// The root get field and mutation payload field (`user`, `deal`).
    let singular: String
    /// The root find field (`users`, `deals`).
    let plural: String

    init(className: String) {
        self.className = className
        var name = Substring(className)
        while name.first == "_" { name = name.dropFirst() }
        typeName = name.prefix(1).uppercased() + name.dropFirst()
        singular = Self.lowerFirst(typeName)
        plural = Self.pluralize(singular)
    }

    var connection: String { typeName + "Connection" }
    /// The subscription root field of the class (`dealEvents`) and its event type (`DealEvent`).
    var eventsField: String { singular + "Events" }
    var eventType: String { typeName + "Event" }
    var edge: String { typeName + "Edge" }
    var whereInput: String { typeName + "WhereInput" }
    var relationWhereInput: String { typeName + "RelationWhereInput" }
    var order: String { typeName + "Order" }
    var createFields: String { "Create\(typeName)FieldsInput" }
    var updateFields: String { "Update\(typeName)FieldsInput" }
    var pointerInput: String { typeName + "PointerInput" }
    var createField: String { "create" + typeName }
    var updateField: String { "update" + typeName }
    var deleteField: String { "delete" + typeName }

    static func lowerFirst(_ text: String) -> String {
        text.prefix(1).lowercased() + text.dropFirst()
    }

    static func upperFirst(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// The rules of the `pluralize` package that matter for class names: consonant + `y` ->
    /// `ies`, sibilants -> `es`, otherwise `s`.
    static func pluralize(_ word: String) -> String {
        let lower = word.lowercased()
        if lower.hasSuffix("y"), let before = lower.dropLast().last, !"aeiou".contains(before) {
            return word.dropLast() + "ies"
        }
        if ["s", "x", "z", "ch", "sh"].contains(where: { lower.hasSuffix($0) }) { return word + "es" }
        return word + "s"
    }
}

/// JavaScript's default `Array.prototype.sort` order for ASCII names (UTF-16 code units):
/// upper-case before lower-case, so `ACL` sorts first.
func javaScriptOrder(_ a: String, _ b: String) -> Bool {
    a.utf16.lexicographicallyPrecedes(b.utf16)
}
