import CRMStore
import Foundation
import GraphQLEngine
import PostgresClient

/// Parse's JSON encoding of typed values, shared by every transport: dates as
/// `{"__type":"Date","iso":"2025-03-31T00:00:00.000Z"}` (an ISO string is accepted too),
/// pointers as `{"__type":"Pointer","className":"Company","objectId":"Ab3dEf9hIj"}`, numbers,
/// strings and Booleans as JSON, Object and Array fields as JSON. Values are ``GraphQLValue``s:
/// the form in which the JSON reader delivers request bodies and GraphQL delivers its inputs.
public enum ParseValue {
    /// The deepest nesting of an Object or Array field value.
    public static let maximumJSONDepth = 32

    /// `value` as a value of a field of `type`; nil when it has the wrong form. A pointer takes
    /// pointer JSON naming one of `targets`, or (for a single target) a bare objectId string.
    public static func decode(_ value: GraphQLValue, as type: FieldType, targets: [String] = []) -> FieldValue? {
        switch (type, value) {
        case (.string, .string(let text)):
            return .string(text)
        case (.number, .int(let number)):
            return .number(Double(number))
        case (.number, .float(let number)):
            return .number(number)
        case (.boolean, .boolean(let flag)):
            return .bool(flag)
        case (.date, _):
            return date(value).map(FieldValue.date)
        case (.object, .object):
            return json(value).map(FieldValue.object)
        case (.array, .list):
            return json(value).map(FieldValue.array)
        case (.pointer, .string(let objectId)) where targets.count <= 1:
            return .string(objectId)
        case (.pointer, .object):
            guard let (className, objectId) = pointer(value), targets.isEmpty || targets.contains(className) else { return nil }
            return .pointer(className: className, objectId: objectId)
        default:
            return nil
        }
    }

    /// A date: an ISO-8601 string or `{"__type":"Date","iso":...}`.
    public static func date(_ value: GraphQLValue) -> Date? {
        switch value {
        case .string(let text):
            return DateText.date(iso8601: text)
        case .object(let record):
            guard record["__type"]?.stringValue == "Date", let iso = record["iso"]?.stringValue else { return nil }
            return DateText.date(iso8601: iso)
        default:
            return nil
        }
    }

    /// The class and objectId of pointer JSON.
    public static func pointer(_ value: GraphQLValue) -> (className: String, objectId: String)? {
        guard value["__type"]?.stringValue == "Pointer", let className = value["className"]?.stringValue,
              let objectId = value["objectId"]?.stringValue, !className.isEmpty, !objectId.isEmpty else { return nil }
        return (className, objectId)
    }

    /// A stored value in Parse's JSON form (`{"__type":"Date",...}` for dates, pointer JSON
    /// for pointers, parsed JSON for Object and Array fields).
    public static func encode(_ value: FieldValue, pointerClass: String? = nil) -> GraphQLValue {
        switch value {
        case .string(let text): .string(text)
        case .number(let number): self.number(number)
        case .bool(let flag): .boolean(flag)
        case .date(let date): .object(Record(shape: dateShape, values: ["Date", .string(DateText.iso8601(date))]))
        case .object(let text), .array(let text): parsedJSON(text)
        case .pointer(let className, let objectId): pointerJSON(className: className, objectId: objectId)
        }
    }

    /// `{"__type":"Pointer","className":...,"objectId":...}`.
    public static func pointerJSON(className: String, objectId: String) -> GraphQLValue {
        .object(Record(shape: pointerShape, values: ["Pointer", .string(className), .string(objectId)]))
    }

    /// A Parse Number as JSON writes it: integral values as integers (`12000`, not `12000.0`).
    public static func number(_ number: Double) -> GraphQLValue {
        if number.rounded() == number, abs(number) < 9_007_199_254_740_992 { return .int(Int(number)) }
        return .float(number)
    }

    /// The JSON text of an Object or Array field value; nil when it cannot be JSON (a host
    /// object, a non-finite number) or nests deeper than ``maximumJSONDepth``.
    public static func json(_ value: GraphQLValue) -> String? {
        guard depth(of: value, limit: maximumJSONDepth) <= maximumJSONDepth else { return nil }
        return JSONEncoding.text(value)
    }

    /// Stored JSON text (an Object or Array field) as a value; null when it does not parse.
    public static func parsedJSON(_ text: String) -> GraphQLValue {
        (try? JSONReader.parse(text.utf8, maxDepth: maximumJSONDepth + 1)) ?? .null
    }

    private static let dateShape = RecordShape(["__type", "iso"])
    private static let pointerShape = RecordShape(["__type", "className", "objectId"])

    /// The nesting depth of `value`, counting stops past `limit`.
    private static func depth(of value: GraphQLValue, limit: Int) -> Int {
        guard limit >= 0 else { return 1 }
        switch value {
        case .list(let items):
            return 1 + (items.lazy.map { depth(of: $0, limit: limit - 1) }.max() ?? 0)
        case .object(let record):
            return 1 + (record.values.lazy.map { depth(of: $0, limit: limit - 1) }.max() ?? 0)
        default:
            return 0
        }
    }
}
