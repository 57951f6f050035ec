import Foundation

extension DateText {
    /// The longest text ``date(iso8601:)`` reads.
    static let maximumISO8601Length = 64

    /// Reads an ISO 8601 date as API clients send it: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
    ///
    /// - The fraction has 1 to 9 digits; digits beyond milliseconds are dropped (as JavaScript's
    ///   `Date`, hence Parse, does).
    /// - The zone is `Z` (or `z`) or an offset `±HH:MM`, `±HHMM` or `±HH` of at most 18 hours.
    /// - `24:00:00` is midnight ending the day; no other field may exceed its range, and the day
    ///   must exist (no 30 February, no 29 February 2100).
    ///
    /// Refused (nil): a missing time or zone, one- or three-digit fields, five-digit or signed
    /// years, zone names, leap seconds, trailing characters and anything over 64 bytes.
    public static func date(iso8601 text: String) -> Date? {
        let utf8 = Substring(text).utf8
        guard utf8.count <= maximumISO8601Length else { return nil }
        var reader = DateTextReader(utf8)
        guard let year = reader.digits(4), reader.skip("-"), let month = reader.digits(2), reader.skip("-"),
              let day = reader.digits(2), reader.skip("T"), let hour = reader.digits(2), reader.skip(":"),
              let minute = reader.digits(2), reader.skip(":"), let second = reader.digits(2) else { return nil }
        var millis: Int64 = 0
        var fractionIsZero = true
        if reader.skip(".") {
            var count = 0
            var scale: Int64 = 100
            while let digit = reader.digit() {
                count += 1
                guard count <= 9 else { return nil }
                millis += digit * scale
                scale /= 10
                if digit != 0 { fractionIsZero = false }
            }
            guard count > 0 else { return nil }
        }
        var offset: Int64 = 0
        if !(reader.skip("Z") || reader.skip("z")) {
            guard let sign = reader.sign(), let hours = reader.digits(2) else { return nil }
            var minutes: Int64 = 0
            if reader.skip(":") {
                guard let value = reader.digits(2) else { return nil }
                minutes = value
            } else if let value = reader.digits(2) {
                minutes = value
            }
            guard minutes < 60, hours * 60 + minutes <= 18 * 60 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        let civil = CivilDate(year: year, month: month, day: day)
        let endOfDay = hour == 24 && minute == 0 && second == 0 && fractionIsZero
        guard reader.atEnd, civil.isValid, hour < 24 || endOfDay, minute < 60, second < 60 else { return nil }
        let seconds = civil.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds * 1000 + millis) / 1000)
    }

    /// Reads PostgreSQL's output: `YYYY-MM-DD HH:MM:SS[.ffffff][+HH[:MM[:SS]]][ BC]`, `infinity`
    /// and `-infinity` (as `distantFuture` / `distantPast`). A value without an offset
    /// (`timestamp`) is read as UTC; fractions are rounded to milliseconds.
    public static func date(postgres text: String) -> Date? {
        date(postgres: Substring(text).utf8)
    }

    static func date(postgres text: Substring.UTF8View) -> Date? {
        if text.elementsEqual("infinity".utf8) { return .distantFuture }
        if text.elementsEqual("-infinity".utf8) { return .distantPast }
        var reader = DateTextReader(text)
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
        // PostgreSQL's years end at 294276; the bound keeps the arithmetic below in range.
        guard reader.atEnd, abs(year) < 1_000_000, (1...12).contains(month), (1...31).contains(day) else { return nil }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        let millis = (days * 86_400 + seconds) * 1000 + (micros + 500).floorDivided(by: 1000)
        return Date(timeIntervalSince1970: Double(millis) / 1000)
    }
}

/// A cursor over ASCII digits and punctuation.
struct DateTextReader {
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

    /// One or more digits, at most ten (larger numbers are refused).
    mutating func number() -> Int64? {
        guard var value = digit() else { return nil }
        while let next = digit() {
            guard value < 1_000_000_000 else { return nil }
            value = value * 10 + next
        }
        return value
    }

    /// Exactly `count` digits; nothing is consumed otherwise.
    mutating func digits(_ count: Int) -> Int64? {
        let start = index
        var value: Int64 = 0
        for _ in 0..<count {
            guard let next = digit() else {
                index = start
                return nil
            }
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
