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
        var text = ""
        text.reserveCapacity(27)
        if (0...9999).contains(civil.year) {
            append(civil.year, width: 4, to: &text)
        } else {
            text += civil.year < 0 ? "-" : "+"
            append(abs(civil.year), width: 6, to: &text)
        }
        text += "-"
        appendMonthDayAndTime(civil, millisecondsInDay: millis - days * 86_400_000, separator: "T", to: &text)
        text += "Z"
        return text
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
