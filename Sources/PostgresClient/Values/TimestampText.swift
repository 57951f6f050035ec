import Foundation

/// Conversion between `Date` and PostgreSQL's ISO timestamp text (the session runs with
/// `DateStyle=ISO` and `TimeZone=UTC`), at millisecond precision, without DateFormatter.
enum TimestampText {
    /// `2024-02-29 13:45:07.123+00` (years before 1 AD get the ` BC` suffix PostgreSQL expects).
    static func format(_ date: Date) -> String {
        if date.timeIntervalSince1970.isInfinite { return date.timeIntervalSince1970 < 0 ? "-infinity" : "infinity" }
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let days = millis.floorDiv(86_400_000)
        let inDay = millis - days * 86_400_000
        let (year, month, day) = civil(fromDays: days)
        let hour = inDay / 3_600_000, minute = inDay / 60_000 % 60, second = inDay / 1000 % 60, ms = inDay % 1000
        let bc = year <= 0
        var text = pad(bc ? 1 - year : year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        text += " " + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2) + "." + pad(ms, 3) + "+00"
        return bc ? text + " BC" : text
    }

    /// Parses `YYYY-MM-DD HH:MM:SS[.ffffff][+HH[:MM[:SS]]][ BC]`, `infinity` and `-infinity`.
    /// A value without an offset (`timestamp`) is read as UTC. Fractions are rounded to milliseconds.
    static func parse(_ text: Substring.UTF8View) -> Date? {
        var reader = DigitReader(text)
        if text.elementsEqual("infinity".utf8) { return .distantFuture }
        if text.elementsEqual("-infinity".utf8) { return .distantPast }
        guard var year = reader.number(), reader.skip("-"), let month = reader.number(), reader.skip("-"),
              let day = reader.number() else { return nil }
        var seconds: Int64 = 0
        var micros: Int64 = 0
        if reader.skip(" ") || reader.skip("T") {
            guard let hour = reader.number(), reader.skip(":"), let minute = reader.number(), reader.skip(":"),
                  let second = reader.number() else { return nil }
            seconds = hour * 3600 + minute * 60 + second
            if reader.skip(".") {
                var scale: Int64 = 100_000
                while let digit = reader.digit() {
                    micros += digit * scale
                    scale /= 10
                }
            }
            if reader.skip("Z") {
                // UTC
            } else if let sign = reader.sign() {
                guard let offsetHours = reader.number() else { return nil }
                var offset = offsetHours * 3600
                if reader.skip(":"), let minutes = reader.number() { offset += minutes * 60 }
                if reader.skip(":"), let extra = reader.number() { offset += extra }
                seconds -= sign * offset
            }
        }
        if reader.skip(" "), reader.skip("B"), reader.skip("C") { year = 1 - year }
        guard reader.atEnd, (1...12).contains(month), (1...31).contains(day) else { return nil }
        let days = days(fromCivil: year, month, day)
        let millis = (days * 86_400 + seconds) * 1000 + (micros + 500).floorDiv(1000)
        return Date(timeIntervalSince1970: Double(millis) / 1000)
    }

    /// Howard Hinnant's days-from-civil algorithm (proleptic Gregorian calendar).
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDiv(400)
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = z.floorDiv(146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A cursor over ASCII digits and punctuation.
private struct DigitReader {
    private let bytes: Substring.UTF8View
    private var index: Substring.UTF8View.Index

    init(_ bytes: Substring.UTF8View) {
        self.bytes = bytes
        self.index = bytes.startIndex
    }

    var atEnd: Bool { index == bytes.endIndex }

    mutating func digit() -> Int64? {
        guard index < bytes.endIndex, (48...57).contains(bytes[index]) else { return nil }
        defer { bytes.formIndex(after: &index) }
        return Int64(bytes[index] - 48)
    }

    mutating func number() -> Int64? {
        guard var value = digit() else { return nil }
        while let next = digit() {
            guard value < 1_000_000_000 else { return nil }
            value = value * 10 + next
        }
        return value
    }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.endIndex, bytes[index] == UInt8(character.value) else { return false }
        bytes.formIndex(after: &index)
        return true
    }

    mutating func sign() -> Int64? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }
}

extension Int64 {
    fileprivate func floorDiv(_ divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
