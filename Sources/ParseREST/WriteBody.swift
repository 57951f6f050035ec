import APICore
import CRMStore
import struct CRMStore.FieldDefinition
import GraphQLEngine

/// A create or update body in Parse's REST encoding, as store inputs: typed values
/// (``ParseValue``), `null` or `{"__op":"Delete"}` to unset, `{"__op":"Increment","amount":n}`,
/// `Add`/`AddUnique`/`Remove` on Array fields, and `ACL`. On a create Parse flattens the
/// operations (an increment writes its amount, Add the array, Remove an empty array); the store
/// does that, and a Delete on a create writes nothing.
struct WriteBody {
    var fields: [String: FieldInput] = [:]
    var acl: ACL?
    /// Fields written by an operation whose result the reply echoes (the new value of an
    /// Increment, the array after Add), as Parse does and the SDK relies on.
    var echoed: [String] = []

    /// Keys Parse sets itself and ignores in a body.
    private static let ignored: Set<String> = ["createdAt", "updatedAt"]

    init(_ body: Record, definition: ClassDefinition, isCreate: Bool, objectId: String? = nil) throws(ParseError) {
        for (name, value) in body.fields {
            if Self.ignored.contains(name) { continue }
            if name == "ACL" {
                acl = try ACLJSON.decode(value)
                continue
            }
            if name == "objectId" {
                // Parse: a client-chosen objectId is refused (no allowCustomObjectId); on an
                // update the object's own id is harmless.
                if !isCreate, value.stringValue == objectId { continue }
                throw .invalidKeyName("objectId is an invalid field name.")
            }
            guard ClassModel.isValidFieldName(name) else { throw .invalidKeyName("Invalid key name: \(StoreError.quoted(name))") }
            guard let field = definition.field(name) else {
                throw .invalidKeyName("Invalid field name: \(StoreError.quoted(name)).")
            }
            if let input = try Self.input(value, field: field, isCreate: isCreate) {
                fields[name] = input
                if case .object(let record) = value, record["__op"] != nil, record["__op"]?.stringValue != "Delete" {
                    echoed.append(name)
                }
            }
        }
    }

    /// The store input of one field; nil when a create leaves the field out.
    private static func input(_ value: GraphQLValue, field: FieldDefinition, isCreate: Bool) throws(ParseError) -> FieldInput? {
        if value.isNull { return isCreate ? nil : .unset }
        guard case .object(let record) = value, let op = record["__op"] else {
            if field.type == .pointer, case .string = value {
                throw .incorrectType("Invalid value for \(field.name): expected a Pointer.")
            }
            guard let decoded = ParseValue.decode(value, as: field.type, targets: field.targetClasses) else {
                throw .incorrectType("Invalid value for \(field.name): expected \(field.type.rawValue).")
            }
            return .set(decoded)
        }
        switch op.stringValue {
        case "Delete":
            return isCreate ? nil : .unset
        case "Increment":
            guard let amount = record["amount"]?.doubleValue, amount.isFinite else {
                throw .incorrectType("Increment amount must be a number.")
            }
            return .increment(amount)
        case "Add", "AddUnique", "Remove":
            guard case .list(let items)? = record["objects"], let json = ParseValue.json(.list(items)) else {
                throw .invalidJSON("Array operations need an objects array.")
            }
            switch op.stringValue {
            case "Add": return .add(json)
            case "AddUnique": return .addUnique(json)
            default: return .remove(json)
            }
        case "AddRelation", "RemoveRelation", "Batch":
            throw .incorrectType("\(field.name) is not a Relation.")
        default:
            throw .invalidJSON("Unknown operation: \(StoreError.quoted(op.stringValue ?? "?"))")
        }
    }
}
