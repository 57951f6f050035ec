import Foundation

/// A bind parameter or a decoded cell.
public enum PostgresValue: Sendable, Hashable {
    case null
    case text(String)
    case int4(Int32)
    case int8(Int64)
    /// NaN and +/-Infinity round-trip.
    case float8(Double)
    case bool(Bool)
    /// Millisecond precision, UTC.
    case timestamptz(Date)
    /// NULL elements allowed.
    case textArray([String?])
    /// JSON text.
    case jsonb(String)
}

extension PostgresValue {
    /// The parameter type sent with a statement. `.text` and `.null` are sent as `unknown` (0) so
    /// the server infers the type from context, exactly as for a quoted literal: a string bound to
    /// a varchar, jsonb or timestamptz column is accepted.
    var parameterTypeOID: UInt32 {
        switch self {
        case .null, .text: 0
        case .int4: PostgresTypeOID.int4
        case .int8: PostgresTypeOID.int8
        case .float8: PostgresTypeOID.float8
        case .bool: PostgresTypeOID.bool
        case .timestamptz: PostgresTypeOID.timestamptz
        case .textArray: PostgresTypeOID.textArray
        case .jsonb: PostgresTypeOID.jsonb
        }
    }

    /// The value in PostgreSQL's text input format; nil for NULL.
    var parameterText: String? {
        switch self {
        case .null: nil
        case .text(let string), .jsonb(let string): string
        case .int4(let number): String(number)
        case .int8(let number): String(number)
        case .float8(let number): Self.floatText(number)
        case .bool(let flag): flag ? "t" : "f"
        case .timestamptz(let date): DateText.postgres(date)
        case .textArray(let elements): TextArrayLiteral.format(elements)
        }
    }

    /// float8 input accepts `NaN`, `Infinity`, `-Infinity`; Swift's `description` is the shortest
    /// text that reads back to the same bits.
    private static func floatText(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        return number.description
    }
}

/// Type OIDs from `pg_type` (stable across PostgreSQL versions).
enum PostgresTypeOID {
    static let bool: UInt32 = 16
    static let name: UInt32 = 19
    static let int8: UInt32 = 20
    static let int2: UInt32 = 21
    static let int4: UInt32 = 23
    static let text: UInt32 = 25
    static let oid: UInt32 = 26
    static let json: UInt32 = 114
    static let float4: UInt32 = 700
    static let float8: UInt32 = 701
    static let bpchar: UInt32 = 1042
    static let varchar: UInt32 = 1043
    static let textArray: UInt32 = 1009
    static let varcharArray: UInt32 = 1015
    static let bpcharArray: UInt32 = 1014
    static let nameArray: UInt32 = 1003
    static let timestamp: UInt32 = 1114
    static let timestamptz: UInt32 = 1184
    static let numeric: UInt32 = 1700
    static let jsonb: UInt32 = 3802
}
