/// Decodes one cell from PostgreSQL's text output format by its column type OID.
enum CellDecoder {
    static func decode(_ bytes: UnsafeRawBufferPointer, type: UInt32) -> PostgresValue? {
        switch type {
        case PostgresTypeOID.int2, PostgresTypeOID.int4:
            return integer(bytes).flatMap { Int32(exactly: $0) }.map(PostgresValue.int4)
        case PostgresTypeOID.int8:
            return integer(bytes).map(PostgresValue.int8)
        case PostgresTypeOID.float4, PostgresTypeOID.float8, PostgresTypeOID.numeric:
            return Double(string(bytes)).map(PostgresValue.float8)
        case PostgresTypeOID.bool:
            return bytes.count == 1 ? .bool(bytes[0] == UInt8(ascii: "t")) : nil
        case PostgresTypeOID.timestamptz, PostgresTypeOID.timestamp:
            return DateText.date(postgres: Substring(string(bytes)).utf8).map(PostgresValue.timestamptz)
        case PostgresTypeOID.textArray, PostgresTypeOID.varcharArray, PostgresTypeOID.bpcharArray,
             PostgresTypeOID.nameArray:
            return TextArrayLiteral.parse(Substring(string(bytes))).map(PostgresValue.textArray)
        case PostgresTypeOID.json, PostgresTypeOID.jsonb:
            return .jsonb(string(bytes))
        default:
            return .text(string(bytes))
        }
    }

    static func string(_ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// A decimal integer with optional leading minus, without building a String.
    private static func integer(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        guard !bytes.isEmpty else { return nil }
        let negative = bytes[0] == UInt8(ascii: "-")
        var index = negative ? 1 : 0
        guard index < bytes.count else { return nil }
        var value: Int64 = 0
        while index < bytes.count {
            let digit = bytes[index] &- 48
            guard digit < 10 else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative
                ? shifted.subtractingReportingOverflow(Int64(digit))
                : shifted.addingReportingOverflow(Int64(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = next
            index += 1
        }
        return value
    }
}
