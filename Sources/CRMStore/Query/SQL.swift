import Foundation
import PostgresClient

/// SQL text building: identifiers come only from the class model and are always quoted; every
/// value is a bind parameter (`$n`). No client string ever becomes SQL text.
enum SQL {
    /// `"name"` with embedded quotes doubled.
    static func identifier(_ name: String) -> String {
        // Every statement names its columns this way: the common case skips Foundation's replace.
        guard name.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + name + "\"" }
        return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `alias."column"`.
    static func column(_ alias: String, _ name: String) -> String {
        alias + "." + identifier(name)
    }

    /// A quoted string literal for constant DDL scripts (model-derived text only, never client input).
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

/// Collects bind parameters while a statement is assembled.
struct SQLParameters {
    private(set) var values: [PostgresValue] = []

    /// Adds a value and returns its placeholder (`$n`).
    mutating func bind(_ value: PostgresValue) -> String {
        values.append(value)
        return "$\(values.count)"
    }

    /// The principals of a caller as one `text[]` parameter.
    mutating func bind(texts: [String]) -> String {
        bind(.textArray(texts.map { Optional($0) })) + "::text[]"
    }
}

extension FieldValue {
    /// The bind value for a column of this value's type.
    var postgresValue: PostgresValue {
        switch self {
        case .string(let text): .text(text)
        case .number(let number): .float8(number)
        case .bool(let flag): .bool(flag)
        case .date(let date): .timestamptz(date)
        case .object(let json), .array(let json): .jsonb(json)
        case .pointer(_, let objectId): .text(objectId)
        }
    }
}
