/// A GraphQL value at run time: an input (variable or argument, after or before coercion) or the
/// result of a resolver.
///
/// Objects are ``Record``s, whose field names live in a shared ``RecordShape`` so that reading a
/// field of many rows of the same shape costs an array index, not a dictionary lookup.
/// `host` carries an application object that only the application's resolvers understand.
public enum GraphQLValue: Sendable {
    case null
    case boolean(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case list([GraphQLValue])
    case object(Record)
    case host(any AnyObject & Sendable)
}

extension GraphQLValue {
    /// True for `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The string payload, if this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The integer payload, if this is an integer.
    public var intValue: Int? {
        if case .int(let i) = self { return i }
        return nil
    }

    /// The number as a `Double` when this is an int or a float.
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .float(let d): return d
        default: return nil
        }
    }

    /// The Boolean payload, if this is a Boolean.
    public var boolValue: Bool? {
        if case .boolean(let b) = self { return b }
        return nil
    }

    /// The items, if this is a list.
    public var listValue: [GraphQLValue]? {
        if case .list(let items) = self { return items }
        return nil
    }

    /// The record, if this is an object.
    public var recordValue: Record? {
        if case .object(let record) = self { return record }
        return nil
    }

    /// The field `name` of an object value; nil when absent or when this is not an object.
    public subscript(name: String) -> GraphQLValue? {
        if case .object(let record) = self { return record[name] }
        return nil
    }
}

extension GraphQLValue: Equatable {
    /// Structural equality; host objects compare by identity.
    public static func == (lhs: GraphQLValue, rhs: GraphQLValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.boolean(let a), .boolean(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        case (.host(let a), .host(let b)): return a === b
        default: return false
        }
    }
}

extension GraphQLValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: GraphQLValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, GraphQLValue)...) {
        self = .object(Record(fields: elements))
    }
}
