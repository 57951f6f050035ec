import Foundation

/// A parsed JSON response, navigable with subscripts: `response["data"]["deals"]["count"].int`.
/// Read with Foundation's JSONDecoder, not with DealGraph's own reader, so that tests check the
/// server's output with an independent parser.
public enum JSONTree: Decodable, Equatable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    public init(bytes: [UInt8]) throws {
        self = try JSONDecoder().decode(JSONTree.self, from: Data(bytes))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([JSONTree].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSONTree].self))
        }
    }

    public subscript(key: String) -> JSONTree {
        if case .object(let members) = self { return members[key] ?? .null }
        return .null
    }

    public subscript(index: Int) -> JSONTree {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return .null
    }

    public var string: String? { if case .string(let text) = self { text } else { nil } }
    public var int: Int? { if case .number(let number) = self { Int(exactly: number) } else { nil } }
    public var double: Double? { if case .number(let number) = self { number } else { nil } }
    public var bool: Bool? { if case .bool(let flag) = self { flag } else { nil } }
    public var array: [JSONTree] { if case .array(let items) = self { items } else { [] } }
    public var isNull: Bool { self == .null }
    public var members: [String: JSONTree]? { if case .object(let members) = self { members } else { nil } }

    /// The Parse code of the first error.
    public var firstErrorCode: Int? { self["errors"][0]["extensions"]["code"].int }
    public var firstErrorMessage: String? { self["errors"][0]["message"].string }

    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let flag): String(flag)
        case .number(let number): String(number)
        case .string(let text): "\"\(text)\""
        case .array(let items): "[" + items.map(\.description).joined(separator: ",") + "]"
        case .object(let members): "{" + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
        }
    }
}
