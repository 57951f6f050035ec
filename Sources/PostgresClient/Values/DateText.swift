import Foundation

/// Dates as text, in the two forms DealGraph reads and writes, on one calendar (proleptic
/// Gregorian, UTC) at millisecond precision, without Foundation's formatters:
///
/// - Parse's ISO 8601 form, `2025-03-31T00:00:00.000Z`: dates in API responses, and the dates
///   clients send (``date(iso8601:)``);
/// - PostgreSQL's form, `2025-03-31 00:00:00.000+00`: bind parameters and `timestamptz` results
///   (connections run with `DateStyle=ISO` and `TimeZone=UTC`).
public enum DateText {
    /// JavaScript's date range, ±100,000,000 days around 1970 (years -271821 to 275760).
    static let maximumMilliseconds: Int64 = 8_640_000_000_000_000

    /// Parse's form, as JavaScript's `toISOString` writes it: UTC, milliseconds rounded down,
    /// `2025-03-31T00:00:00.000Z`; years outside 0...9999 with a sign and six digits
    /// (`+010000-01-01T00:00:00.000Z`). Dates outside JavaScript's range are written as its
    /// bounds, NaN as the upper one.
    public static func iso8601(_ date: Date) -> String {
        let millis = milliseconds(date, rounding: .down)
        let days = millis.floorDivided(by: 86_400_000)
        let civil = CivilDate(daysSinceEpoch: days)
        let inDay = millis - days * 86_400_000
        if (0...9999).contains(civil.year) {
            return String(unsafeUninitializedCapacity: 24) { buffer in
                var writer = DigitWriter(buffer)
                writer.put(civil.year, 4); writer.put("-")
                writer.put(civil.month, 2); writer.put("-")
                writer.put(civil.day, 2); writer.put("T")
                writer.put(inDay / 3_600_000, 2); writer.put(":")
                writer.put(inDay / 60_000 % 60, 2); writer.put(":")
                writer.put(inDay / 1000 % 60, 2); writer.put(".")
                writer.put(inDay % 1000, 3); writer.put("Z")
                return writer.count
            }
        }
        var text = civil.year < 0 ? "-" : "+"
        append(abs(civil.year), width: 6, to: &text)
        text += "-"
        appendMonthDayAndTime(civil, millisecondsInDay: inDay, separator: "T", to: &text)
        text += "Z"
        return text
    }

    /// Parse's form of a timestamptz's text output, the same text as `iso8601(date(postgres:))`.
    /// The wire text is copied digit by digit when it has the shape DealGraph's own timestamps
    /// have (`2025-03-31 08:15:00.5+00`: a four-digit year, UTC, at most milliseconds); any other
    /// text (microseconds, BC, infinity) goes through a `Date`. nil when the text is no timestamp.
    public static func iso8601(postgres bytes: UnsafeRawBufferPointer) -> String? {
        let count = bytes.count
        fast: if count >= 22, count <= 26, bytes[count - 3] == UInt8(ascii: "+"), bytes[count - 2] == UInt8(ascii: "0"),
                 bytes[count - 1] == UInt8(ascii: "0") {
            // 0123456789012345678
            // YYYY-MM-DD HH:MM:SS[.f[f[f]]]+00
            let fraction = count - 3 - 19
            guard fraction == 0 || (fraction >= 2 && bytes[19] == UInt8(ascii: ".")) else { break fast }
            for index in 0..<19 {
                let byte = bytes[index]
                switch index {
                case 4, 7: guard byte == UInt8(ascii: "-") else { break fast }
                case 10: guard byte == UInt8(ascii: " ") else { break fast }
                case 13, 16: guard byte == UInt8(ascii: ":") else { break fast }
                default: guard byte &- 48 < 10 else { break fast }
                }
            }
            for index in 20..<(20 + max(fraction - 1, 0)) where bytes[index] &- 48 >= 10 { break fast }
            return String(unsafeUninitializedCapacity: 24) { buffer in
                for index in 0..<19 { buffer[index] = bytes[index] }
                buffer[10] = UInt8(ascii: "T")
                buffer[19] = UInt8(ascii: ".")
                for index in 0..<3 { buffer[20 + index] = index < fraction - 1 ? bytes[20 + index] : UInt8(ascii: "0") }
                buffer[23] = UInt8(ascii: "Z")
                return 24
            }
        }
        return date(postgres: Substring(decoding: bytes, as: UTF8.self).utf8).map(iso8601)
    }

    /// PostgreSQL's form: `2024-02-29 13:45:07.123+00`, rounded to the nearest millisecond, with
    /// the ` BC` suffix before 1 AD (`0001-01-01 00:00:00.000+00 BC` is year 0). Dates outside
    /// JavaScript's range are `infinity` / `-infinity` (NaN is `infinity`).
    public static func postgres(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        guard abs(seconds * 1000) < Double(maximumMilliseconds) else { return seconds < 0 ? "-infinity" : "infinity" }
        let millis = Int64((seconds * 1000).rounded())
        let days = millis.floorDivided(by: 86_400_000)
        let civil = CivilDate(daysSinceEpoch: days)
        let bc = civil.year <= 0
        var text = ""
        text.reserveCapacity(30)
        append(bc ? 1 - civil.year : civil.year, width: 4, to: &text)
        text += "-"
        appendMonthDayAndTime(civil, millisecondsInDay: millis - days * 86_400_000, separator: " ", to: &text)
        text += "+00"
        return bc ? text + " BC" : text
    }

    /// Whole milliseconds since 1970, clamped to JavaScript's range (NaN to its upper bound).
    /// Rounding down absorbs the error of `Date`'s Double (seconds since 2001) first: a date made
    /// from whole milliseconds may read back a few ulps below them and must keep its millisecond.
    static func milliseconds(_ date: Date, rounding rule: FloatingPointRoundingRule) -> Int64 {
        var seconds = date.timeIntervalSince1970
        if rule == .down, seconds.isFinite { seconds += (abs(seconds) + 978_307_200).ulp * 4 }
        let millis = (seconds * 1000).rounded(rule)
        guard millis < Double(maximumMilliseconds) else { return maximumMilliseconds }
        guard millis > -Double(maximumMilliseconds) else { return -maximumMilliseconds }
        return Int64(millis)
    }

    private static func appendMonthDayAndTime(_ civil: CivilDate, millisecondsInDay millis: Int64, separator: String,
                                              to text: inout String) {
        append(civil.month, width: 2, to: &text)
        text += "-"
        append(civil.day, width: 2, to: &text)
        text += separator
        append(millis / 3_600_000, width: 2, to: &text)
        text += ":"
        append(millis / 60_000 % 60, width: 2, to: &text)
        text += ":"
        append(millis / 1000 % 60, width: 2, to: &text)
        text += "."
        append(millis % 1000, width: 3, to: &text)
    }

    private static func append(_ value: Int64, width: Int, to text: inout String) {
        let digits = String(value)
        if digits.count < width { text += String(repeating: "0", count: width - digits.count) }
        text += digits
    }
}

/// Writes zero-padded decimal fields into a string's uninitialized buffer.
private struct DigitWriter {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    mutating func put(_ value: Int64, _ width: Int) {
        var rest = value
        for position in stride(from: count + width - 1, through: count, by: -1) {
            buffer[position] = UInt8(truncatingIfNeeded: rest % 10) + 48
            rest /= 10
        }
        count += width
    }

    mutating func put(_ character: Unicode.Scalar) {
        buffer[count] = UInt8(character.value)
        count += 1
    }
}
