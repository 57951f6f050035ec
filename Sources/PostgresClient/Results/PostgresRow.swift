import Foundation

/// One row. Cells are decoded when read, by their column's type OID: text, varchar, name ->
/// `.text`; int2/int4 -> `.int4`; int8 -> `.int8`; float4/float8/numeric -> `.float8`; bool;
/// timestamptz/timestamp -> `.timestamptz`; text[]/varchar[] -> `.textArray`; json/jsonb ->
/// `.jsonb`; NULL -> `.null`; other types, and a cell whose text its type cannot read, -> `.text`
/// (its text output).
public struct PostgresRow: Sendable {
    let storage: ResultStorage
    let row: Int32

    public var count: Int { storage.columns.count }

    /// The cell at `index` (0-based). Traps when out of range, like an array.
    public subscript(index: Int) -> PostgresValue {
        let column = checked(index)
        if storage.isNull(row, column) { return .null }
        let bytes = storage.bytes(row, column)
        return CellDecoder.decode(bytes, type: storage.columns[index].typeOID) ?? .text(CellDecoder.string(bytes))
    }

    /// The cell of the column named `column`; `.null` when there is no such column.
    public subscript(column: String) -> PostgresValue {
        storage.index(of: column).map { self[$0] } ?? .null
    }

    /// Whether the cell is NULL.
    public func isNull(_ index: Int) -> Bool {
        storage.isNull(row, checked(index))
    }

    /// The cell's text output, whatever its type (nil on NULL): the wire form, not decoded.
    public func text(_ index: Int) -> String? {
        let column = checked(index)
        if storage.isNull(row, column) { return nil }
        return CellDecoder.string(storage.bytes(row, column))
    }

    /// The text of a text or jsonb cell; nil on NULL or another type.
    public func string(_ index: Int) -> String? {
        switch self[index] {
        case .text(let value), .jsonb(let value): value
        default: nil
        }
    }

    /// An int4 or int8 cell; nil on NULL or another type.
    public func int(_ index: Int) -> Int? {
        switch self[index] {
        case .int4(let value): Int(value)
        case .int8(let value): Int(value)
        default: nil
        }
    }

    /// A float8 cell (also int4/int8 cells, widened); nil on NULL or another type.
    public func double(_ index: Int) -> Double? {
        switch self[index] {
        case .float8(let value): value
        case .int4(let value): Double(value)
        case .int8(let value): Double(value)
        default: nil
        }
    }

    public func bool(_ index: Int) -> Bool? {
        if case .bool(let value) = self[index] { value } else { nil }
    }

    public func date(_ index: Int) -> Date? {
        if case .timestamptz(let value) = self[index] { value } else { nil }
    }

    /// A timestamptz cell as Parse's ISO 8601 text, written from the wire text without a `Date`
    /// in between (``DateText/iso8601(postgres:)``); nil on NULL or another type.
    public func iso8601(_ index: Int) -> String? {
        let column = checked(index)
        guard !storage.isNull(row, column), storage.columns[index].typeOID == PostgresTypeOID.timestamptz else { return nil }
        return DateText.iso8601(postgres: storage.bytes(row, column))
    }

    public func stringArray(_ index: Int) -> [String?]? {
        if case .textArray(let value) = self[index] { value } else { nil }
    }

    private func checked(_ index: Int) -> Int32 {
        precondition(index >= 0 && index < storage.columns.count, "column index out of range")
        return Int32(index)
    }
}
