import Foundation

/// A typed field value, as stored and as written.
public enum FieldValue: Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    /// Millisecond precision, UTC.
    case date(Date)
    /// A JSON object, as JSON text.
    case object(String)
    /// A JSON array, as JSON text.
    case array(String)
    /// A pointer: target class and objectId (the class is part of the value for polymorphic pointers).
    case pointer(className: String, objectId: String)

    /// The Parse field type this value has.
    public var type: FieldType {
        switch self {
        case .string: .string
        case .number: .number
        case .bool: .boolean
        case .date: .date
        case .object: .object
        case .array: .array
        case .pointer: .pointer
        }
    }

    /// The string, when this is a string.
    public var stringValue: String? { if case .string(let value) = self { value } else { nil } }
    /// The number, when this is a number.
    public var numberValue: Double? { if case .number(let value) = self { value } else { nil } }
    /// The objectId, when this is a pointer.
    public var pointerObjectId: String? { if case .pointer(_, let id) = self { id } else { nil } }
}
