import Foundation

/// Validates the inputs of a create or update against the class model before any SQL is built:
/// known, writable fields (105), values of the field's type (111), required fields (142 "x is
/// required."), server-set fields refused to clients (105), `_User` email format (125).
enum WriteValidation {
    static let maximumNesting = 4

    static func assignments(_ inputs: [String: FieldInput], for definition: ClassDefinition, isCreate: Bool,
                            context: AccessContext) throws(StoreError) -> [Assignment] {
        var result: [Assignment] = []
        for name in inputs.keys.sorted() {
            let input = inputs[name]!
            guard let field = definition.field(name) else {
                throw StoreError(code: .invalidKeyName, "Invalid field name: \(StoreError.quoted(name)).")
            }
            if field.setByServer && !context.isMaster {
                throw StoreError(code: .invalidKeyName, "\(field.name) is set by the server.")
            }
            result.append(try assignment(input, field: field, definition: definition))
        }
        for field in definition.fields where field.required {
            let input = inputs[field.name]
            let missing = isCreate ? (input == nil || input == .unset) : input == .unset
            // Parse answers VALIDATION_ERROR (142) for a missing required field.
            if missing { throw StoreError(code: .validationError, "\(field.name) is required.") }
        }
        return result
    }

    private static func assignment(_ input: FieldInput, field: FieldDefinition,
                                   definition: ClassDefinition) throws(StoreError) -> Assignment {
        switch input {
        case .unset:
            return .unset(field)
        case .increment(let amount):
            guard field.type == .number, amount.isFinite else {
                throw StoreError.incorrectType("Cannot increment \(field.name).")
            }
            return .increment(field, amount)
        case .add(let objects):
            return .add(field, try arrayOperand(objects, field: field, definition: definition, refusal: "Cannot add to"))
        case .addUnique(let objects):
            return .addUnique(field, try arrayOperand(objects, field: field, definition: definition, refusal: "Cannot add to"))
        case .remove(let objects):
            return .remove(field, try arrayOperand(objects, field: field, definition: definition, refusal: "Cannot remove from"))
        case .createAndLink(let className, let fields, let acl):
            guard field.type == .pointer else { throw StoreError.incorrectType("\(field.name) is not a pointer.") }
            let target = className ?? (field.targetClasses.count == 1 ? field.targetClasses[0] : "")
            guard field.targetClasses.contains(target) else {
                throw StoreError(code: .invalidPointer, "Invalid pointer class for \(field.name).")
            }
            return .nested(field, className: target, fields: fields, acl: acl)
        case .set(let value):
            if definition.isUserClass && field.name == "password" {
                guard case .string(let password) = value, !password.isEmpty else {
                    throw StoreError(code: .passwordMissing, "Cannot sign up user with an empty password.")
                }
                return .password(try ValueValidation.text(password, field: field.name))
            }
            return .value(field, try typed(value, for: field, definition: definition))
        }
    }

    /// The objects of an Add/AddUnique/Remove: only on Array fields, and checked as a set Array
    /// value is (PostgreSQL's jsonb cast refuses what is not JSON, 111).
    private static func arrayOperand(_ objects: String, field: FieldDefinition, definition: ClassDefinition,
                                     refusal: String) throws(StoreError) -> String {
        guard field.type == .array else { throw StoreError.incorrectType("\(refusal) \(field.name).") }
        _ = try typed(.array(objects), for: field, definition: definition)
        return objects
    }

    /// Checks a value against its field; pointers get their target class.
    static func typed(_ value: FieldValue, for field: FieldDefinition,
                      definition: ClassDefinition) throws(StoreError) -> FieldValue {
        let mismatch = StoreError.incorrectType("Invalid value for \(field.name): expected \(field.type.rawValue).")
        switch (field.type, value) {
        case (.string, .string(let text)):
            _ = try ValueValidation.text(text, field: field.name)
            if definition.isUserClass && field.name == "email" && !isEmail(text) {
                throw StoreError(code: .invalidEmailAddress, "Email address format is invalid.")
            }
            if definition.isUserClass && field.name == "username" && text.isEmpty {
                throw StoreError(code: .usernameMissing, "Cannot sign up user with an empty username.")
            }
            return value
        case (.number, .number(let number)):
            guard number.isFinite else { throw mismatch }
            return value
        case (.boolean, .bool), (.date, .date): return value
        case (.object, .object(let json)), (.array, .array(let json)):
            _ = try ValueValidation.text(json, field: field.name)
            let first = json.first { !$0.isWhitespace }
            guard first == (field.type == .object ? "{" : "[") else { throw mismatch }
            return value
        case (.pointer, .string(let id)):
            guard field.targetClasses.count == 1 else { throw mismatch }
            return .pointer(className: field.targetClasses[0], objectId: try pointerId(id, field: field))
        case (.pointer, .pointer(let className, let id)):
            guard field.targetClasses.contains(className) else { throw mismatch }
            return .pointer(className: className, objectId: try pointerId(id, field: field))
        default:
            throw mismatch
        }
    }

    private static func pointerId(_ id: String, field: FieldDefinition) throws(StoreError) -> String {
        guard Principal.isObjectId(id) else {
            throw StoreError(code: .invalidPointer, "Invalid pointer for \(field.name).")
        }
        return id
    }

    /// A pragmatic email check: one `@`, a non-empty local part, a dotted domain, no spaces.
    static func isEmail(_ text: String) -> Bool {
        text.utf8.count <= 254
            && text.range(of: #"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$"#, options: .regularExpression) != nil
    }
}
