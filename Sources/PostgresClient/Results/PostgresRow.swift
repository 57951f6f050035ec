import Foundation

/// One row. Cells are decoded by their column's type OID: text, varchar, name -> `.text`;
/// int2/int4 -> `.int4`; int8 -> `.int8`; float4/float8/numeric -> `.float8`; bool; timestamptz/
/// timestamp -> `.timestamptz`; text[]/varchar[] -> `.textArray`; json/jsonb -> `.jsonb`;
/// NULL -> `.null`; other types -> `.text` (their text output).
public struct PostgresRow: Sendable {
    let layout: ColumnLayout
    let values: [PostgresValue]

    init(layout: ColumnLayout, values: [PostgresValue]) {
        self.layout = layout
        self.values = values
    }

    public var count: Int { values.count }

    /// The cell at `index` (0-based). Traps when out of range, like an array.
    public subscript(index: Int) -> PostgresValue { values[index] }

    /// The cell of the column named `column`; `.null` when there is no such column.
    public subscript(column: String) -> PostgresValue {
        layout.index(of: column).map { values[$0] } ?? .null
    }

    /// The text of a text or jsonb cell; nil on NULL or another type.
    public func string(_ index: Int) -> String? {
        switch values[index] {
        case .text(let value), .jsonb(let value): value
        default: nil
        }
    }

    /// An int4 or int8 cell; nil on NULL or another type.
    public func int(_ index: Int) -> Int? {
        switch values[index] {
        case .int4(let value): Int(value)
        case .int8(let value): Int(value)
        default: nil
        }
    }

    /// A float8 cell (also int4/int8 cells, widened); nil on NULL or another type.
    public func double(_ index: Int) -> Double? {
        switch values[index] {
        case .float8(let value): value
        case .int4(let value): Double(value)
        case .int8(let value): Double(value)
        default: nil
        }
    }

    public func bool(_ index: Int) -> Bool? {
        if case .bool(let value) = values[index] { value } else { nil }
    }

    public func date(_ index: Int) -> Date? {
        if case .timestamptz(let value) = values[index] { value } else { nil }
    }

    public func stringArray(_ index: Int) -> [String?]? {
        if case .textArray(let value) = values[index] { value } else { nil }
    }
}
