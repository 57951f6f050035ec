import CRMStore
import GraphQLEngine

/// The where of the Parse REST API (`GET /classes/Deal?where={...}`): `$`-operators,
/// `{"field": value}` for equality, typed values in Parse's JSON (``ParseValue``),
/// `$inQuery: {className, where}` on pointers, `$or`/`$and`/`$nor` arrays.
public struct ParseWhere: WhereDialect {
    public init() {}

    public var naming: WhereNaming { .parse }

    /// `$or`, `$and` and `$nor` take arrays (102 otherwise, as Parse answers).
    public func items(_ value: GraphQLValue, of connective: WhereConnective) throws(ParseError) -> [GraphQLValue] {
        guard let items = value.listValue else {
            throw .invalidQuery("Bad \(connective.parseName) format - use an array value.")
        }
        return items
    }

    /// Field names must look like Parse's (105 otherwise); a name the class lacks is 102.
    public func field(_ key: String, in definition: ClassDefinition) throws(ParseError) -> WhereField {
        guard ClassModel.isValidFieldName(key) else { throw .invalidKeyName("Invalid key name: \(StoreError.quoted(key))") }
        guard let field = WhereField(named: key, in: definition) else {
            throw .invalidQuery("Invalid field name: \(StoreError.quoted(key)).")
        }
        return field
    }

    public func operand(_ value: GraphQLValue, for field: WhereField) throws(ParseError) -> FieldValue {
        guard let decoded = ParseValue.decode(value, as: field.type, targets: field.targetClasses) else {
            throw .incorrectType("Invalid value for \(field.name): expected \(field.type.rawValue).")
        }
        return decoded
    }

    /// A value that is not an operator object: a scalar, null, a list, or an object with
    /// `__type` (a date or a pointer) or without `$` keys.
    public func isBareValue(_ value: GraphQLValue) -> Bool {
        guard case .object(let record) = value else { return true }
        if record["__type"] != nil { return true }
        return !record.shape.names.contains { $0.hasPrefix("$") }
    }

    /// `{className, where}`.
    public func subquery(_ operand: GraphQLValue) throws(ParseError) -> (className: String?, filter: GraphQLValue) {
        guard case .string(let className)? = operand["className"] else {
            throw .invalidQuery("$inQuery needs className and where.")
        }
        return (className, operand["where"] ?? .null)
    }
}
