import Foundation
import Testing
import PostgresClient

@Suite("DateText: Parse's ISO 8601 form and PostgreSQL's form on one calendar")
struct DateTextTests {
    static func date(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }
    static func date(milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    @Test("dates are written exactly in both forms, ISO 8601 and PostgreSQL's, BC years included")
    func exactOutput() {
        let cases: [(Double, iso: String, postgres: String)] = [
            (0, "1970-01-01T00:00:00.000Z", "1970-01-01 00:00:00.000+00"),
            (1_743_379_200, "2025-03-31T00:00:00.000Z", "2025-03-31 00:00:00.000+00"),
            (1_700_000_000.123, "2023-11-14T22:13:20.123Z", "2023-11-14 22:13:20.123+00"),
            (-0.001, "1969-12-31T23:59:59.999Z", "1969-12-31 23:59:59.999+00"),
            (-1_000_000_000.5, "1938-04-24T22:13:19.500Z", "1938-04-24 22:13:19.500+00"),
            (1_709_210_096.789, "2024-02-29T12:34:56.789Z", "2024-02-29 12:34:56.789+00"),
            (951_782_400, "2000-02-29T00:00:00.000Z", "2000-02-29 00:00:00.000+00"),
            (-62_135_596_800, "0001-01-01T00:00:00.000Z", "0001-01-01 00:00:00.000+00"),
            (-62_167_219_200, "0000-01-01T00:00:00.000Z", "0001-01-01 00:00:00.000+00 BC"),
            (-62_198_755_200, "-000001-01-01T00:00:00.000Z", "0002-01-01 00:00:00.000+00 BC"),
            (253_402_300_799.999, "9999-12-31T23:59:59.999Z", "9999-12-31 23:59:59.999+00"),
            (253_402_300_800, "+010000-01-01T00:00:00.000Z", "10000-01-01 00:00:00.000+00"),
        ]
        for (seconds, iso, postgres) in cases {
            #expect(DateText.iso8601(Self.date(seconds)) == iso, "\(seconds)")
            #expect(DateText.postgres(Self.date(seconds)) == postgres, "\(seconds)")
        }
        // Below a millisecond: Parse's form rounds down (as Parse stores), PostgreSQL's to the nearest.
        #expect(DateText.iso8601(Self.date(1_700_000_000.1239)) == "2023-11-14T22:13:20.123Z")
        #expect(DateText.postgres(Self.date(1_700_000_000.1239)) == "2023-11-14 22:13:20.124+00")
        #expect(DateText.iso8601(Self.date(-0.0004)) == "1969-12-31T23:59:59.999Z")
    }

    @Test("dates no calendar holds are clamped, never a trap")
    func unrepresentableDates() {
        for seconds in [Double.infinity, .nan, .greatestFiniteMagnitude, 1e300] {
            #expect(DateText.iso8601(Self.date(seconds)) == "+275760-09-13T00:00:00.000Z")
            #expect(DateText.postgres(Self.date(seconds)) == "infinity")
        }
        for seconds in [-Double.infinity, -.greatestFiniteMagnitude, -1e300] {
            #expect(DateText.iso8601(Self.date(seconds)) == "-271821-04-20T00:00:00.000Z")
            #expect(DateText.postgres(Self.date(seconds)) == "-infinity")
        }
    }

    @Test("every millisecond round-trips through both forms, before 1970 and up to 9999")
    func roundTrips() {
        var generator = SystemRandomNumberGenerator()
        let day: Int64 = 86_400_000
        var samples: [Int64] = [0, -1, 1, 999, -999, -62_135_596_800_000, -62_167_219_200_000, 253_402_300_799_999]
        // Around leap days (1600, 1900, 2000, 2024, 2100) and year boundaries, a millisecond apart.
        for midnight: Int64 in [-11_671_084_800_000, -2_203_977_600_000, 951_696_000_000, 1_709_078_400_000, 4_107_456_000_000] {
            for offset in [-1, 0, 1, day - 1, day, day + 1, 2 * day - 1, 2 * day] { samples.append(midnight + offset) }
        }
        for _ in 0..<20_000 { samples.append(Int64.random(in: -62_167_219_200_000...253_402_300_799_999, using: &generator)) }
        for _ in 0..<5_000 { samples.append(Int64.random(in: -10 * day...10 * day, using: &generator)) }
        for millis in samples {
            let date = Self.date(milliseconds: millis)
            let iso = DateText.iso8601(date)
            #expect(DateText.date(iso8601: iso) == date, "\(millis) \(iso)")
            #expect(iso.hasSuffix(String(format: ".%03dZ", Int(millis.modulo(1000)))), "\(millis) \(iso)")
            let postgres = DateText.postgres(date)
            #expect(DateText.date(postgres: postgres) == date, "\(millis) \(postgres)")
        }
    }

    @Test("the calendar agrees with Foundation's where Foundation is Gregorian (from 1583)")
    func agreesWithFoundation() {
        var generator = SystemRandomNumberGenerator()
        var style = Date.ISO8601FormatStyle()
        style.timeZone = TimeZone(identifier: "UTC")!
        for _ in 0..<5_000 {
            let seconds = Int64.random(in: -12_212_553_600...253_402_300_799, using: &generator)
            let date = Self.date(Double(seconds))
            #expect(DateText.iso8601(date) == date.formatted(style).dropLast() + ".000Z", "\(seconds)")
        }
        let zones = ["Z", "+00:00", "-00:00", "+05:30", "-0800", "+14", "-18:00", "+18:00"]
        for _ in 0..<2_000 {
            let seconds = Int64.random(in: -12_212_553_600...253_402_214_399, using: &generator)
            let base = Self.date(Double(seconds)).formatted(style).dropLast()
            var fraction = ""
            if Bool.random(using: &generator) {
                let digits = (0..<Int.random(in: 1...9, using: &generator)).map { _ in String(Int.random(in: 0...9, using: &generator)) }
                fraction = "." + digits.joined()
            }
            let text = base + fraction + zones.randomElement(using: &generator)!
            let foundation = try? Date(String(text), strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: !fraction.isEmpty))
            let ours = DateText.date(iso8601: String(text))
            #expect(ours != nil && foundation != nil, "\(text)")
            if let ours, let foundation {
                // Foundation keeps digits below a millisecond; they are dropped here, as JavaScript
                // does (plus a Double's resolution in year 9999, about 0.03 ms).
                #expect(abs(ours.timeIntervalSince(foundation)) < 0.0011, "\(text)")
            }
        }
    }

    @Test("ISO 8601 as clients send it is read, offsets applied, fractions cut to the millisecond")
    func acceptedInput() {
        let cases: [(String, Double)] = [
            ("2025-03-31T00:00:00Z", 1_743_379_200),
            ("2025-03-31T00:00:00.000Z", 1_743_379_200),
            ("2025-03-31T00:00:00z", 1_743_379_200),
            ("2025-03-31T00:00:00.1Z", 1_743_379_200.1),
            ("2025-03-31T00:00:00.12Z", 1_743_379_200.12),
            ("2025-03-31T00:00:00.123456789Z", 1_743_379_200.123),
            ("2025-03-31T00:00:00.9999999Z", 1_743_379_200.999),
            ("2025-03-31T00:00:00+02:00", 1_743_372_000),
            ("2025-03-31T00:00:00+0200", 1_743_372_000),
            ("2025-03-31T00:00:00+02", 1_743_372_000),
            ("2025-03-31T00:00:00-02:30", 1_743_388_200),
            ("2025-03-31T00:00:00-00:00", 1_743_379_200),
            ("2025-03-31T00:00:00.5-01:00", 1_743_382_800.5),
            ("2025-03-31T00:00:00+18:00", 1_743_314_400),
            ("2025-03-31T00:00:00-18:00", 1_743_444_000),
            ("2025-03-31T24:00:00Z", 1_743_465_600),
            ("2025-03-31T24:00:00.000Z", 1_743_465_600),
            ("2024-02-29T00:00:00Z", 1_709_164_800),
            ("2000-02-29T00:00:00Z", 951_782_400),
            ("1969-12-31T23:59:59.999Z", -0.001),
            ("1969-12-31T23:59:59.9999Z", -0.001),
            ("0001-01-01T00:00:00Z", -62_135_596_800),
            ("0000-01-01T00:00:00Z", -62_167_219_200),
            ("0000-02-29T00:00:00Z", -62_162_121_600),
            ("9999-12-31T23:59:59.999Z", 253_402_300_799.999),
            ("1582-10-10T00:00:00Z", -12_219_724_800),
        ]
        for (text, seconds) in cases {
            #expect(DateText.date(iso8601: text) == Self.date(seconds), "\(text)")
        }
    }

    static let refused = [
        // Days that do not exist and fields out of range.
        "2025-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "0100-02-29T00:00:00Z",
        "2025-04-31T00:00:00Z", "2025-13-01T00:00:00Z", "2025-00-01T00:00:00Z", "2025-01-00T00:00:00Z", "2025-01-32T00:00:00Z",
        "2025-03-31T25:00:00Z", "2025-03-31T99:00:00Z", "2025-03-31T24:30:00Z", "2025-03-31T24:00:01Z", "2025-03-31T24:00:00.001Z",
        "2025-03-31T23:60:00Z", "2025-03-31T23:59:60Z", "2025-03-31T23:00:99Z",
        // Missing parts.
        "", "2025", "2025-03-31", "2025-03-31T", "2025-03-31T00:00", "2025-03-31T00:00Z", "2025-03-31T00:00:00",
        "2025-03-31T00:00:00.", "2025-03-31T00:00:00.Z", "2025-03-31T00:00:00.+02:00", "2025-03-31T00:00:00.5",
        "2025-03-31T00:00:00+", "2025-03-31T00:00:00-", "2025-03-31T00:00:00+02:", "T00:00:00Z", "-03-31T00:00:00Z",
        // Other shapes.
        "2025-03-31t00:00:00Z", "2025-03-31 00:00:00Z", "20250331T000000Z", "2025/03/31T00:00:00Z", "2025-03-31T00-00-00Z",
        "2025-3-31T00:00:00Z", "2025-03-31T0:00:00Z", "2025-003-31T00:00:00Z", "2025-03-031T00:00:00Z", "2025-03-31T000:00:00Z",
        "2025-03-31T00:000:00Z", "2025-03-31T00:00:000Z", "99999-03-31T00:00:00Z", "00000-03-31T00:00:00Z",
        "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "+002025-03-31T00:00:00Z",
        "2025-03-31T00:00:00,5Z", "2025-03-31T00:00:00.1234567890Z", "2025-03-31T00:00:00.0000000000000000000001Z",
        // Zones.
        "2025-03-31T00:00:00GMT", "2025-03-31T00:00:00UTC", "2025-03-31T00:00:00EST", "2025-03-31T00:00:00 Z",
        "2025-03-31T00:00:00 +02:00", "2025-03-31T00:00:00+2", "2025-03-31T00:00:00+2:00", "2025-03-31T00:00:00+020",
        "2025-03-31T00:00:00+02:0", "2025-03-31T00:00:00+02:000", "2025-03-31T00:00:00+002:00", "2025-03-31T00:00:00+02:00:00",
        "2025-03-31T00:00:00+02:60", "2025-03-31T00:00:00+18:01", "2025-03-31T00:00:00+19:00", "2025-03-31T00:00:00-24:00",
        "2025-03-31T00:00:00+99:99", "2025-03-31T00:00:00Z+02:00", "2025-03-31T00:00:00+02:00Z",
        // Trailing and leading junk, NUL, non-ASCII digits, SQL.
        "2025-03-31T00:00:00Zjunk", "2025-03-31T00:00:00Z ", " 2025-03-31T00:00:00Z", "2025-03-31T00:00:00+02:00junk",
        "2025-03-31T00:00:00Z\u{0}", "2025-03-31T00:00:00\u{0}Z", "\u{0}2025-03-31T00:00:00Z", "２０２５-03-31T00:00:00Z",
        "2025-03-31T00:00:00Z\n", "2025-03-31T00:00:00Z'; DROP TABLE \"Deal\"; --", "2025-03-31T00:00:00🙂Z",
        // Huge numbers and over-long text.
        "99999999999999999999-01-01T00:00:00Z", "2025-99999999999999999999-01T00:00:00Z", "1000000000-01-01T00:00:00Z",
        "2025-03-31T00:00:00." + String(repeating: "0", count: 50) + "Z", String(repeating: "2025-03-31T00:00:00Z", count: 4),
        String(repeating: "9", count: 10_000),
    ]

    @Test("refused input: impossible days, missing parts, other shapes, junk, huge numbers", arguments: refused)
    func refusedInput(_ text: String) {
        #expect(DateText.date(iso8601: text) == nil)
    }

    @Test("PostgreSQL's output form is read, and nothing that is not a date")
    func postgresInput() {
        let cases: [(String, Date)] = [
            ("2024-02-29 13:45:07.123+00", Self.date(1_709_214_307.123)),
            ("2024-02-29 13:45:07.1234+00", Self.date(1_709_214_307.123)),
            ("2024-02-29 13:45:07.1235+00", Self.date(1_709_214_307.124)),
            ("2024-03-10 08:30:00.25-05", Self.date(1_710_077_400.25)),
            ("2024-03-10 23:30:00+09:30", Self.date(1_710_079_200)),
            ("1901-01-01 00:00:00+00:19:32", Self.date(-2_177_453_972)),
            ("2024-02-29 13:45:07", Self.date(1_709_214_307)),
            ("2024-02-29", Self.date(1_709_164_800)),
            ("0001-01-01 00:00:00+00 BC", Self.date(-62_167_219_200)),
            ("infinity", .distantFuture),
            ("-infinity", .distantPast),
        ]
        for (text, date) in cases {
            #expect(DateText.date(postgres: text) == date, "\(text)")
        }
        for text in ["", "now", "2024-02-29 13:45", "2024-13-01 00:00:00+00", "2024-02-29 13:45:07+00 junk",
                     "99999999999-01-01 00:00:00+00", "9999999-01-01 00:00:00+00", "2024-02-29 13:45:07+00\u{0}"] {
            #expect(DateText.date(postgres: text) == nil, "\(text)")
        }
    }

    /// The ISO text of a timestamptz's wire text, the way `PostgresRow.iso8601` reads it.
    static func iso(postgres text: String) -> String? {
        var text = text
        return text.withUTF8 { DateText.iso8601(postgres: UnsafeRawBufferPointer($0)) }
    }

    @Test("ISO text straight from PostgreSQL's output equals the text through a Date, for every shape of fraction")
    func isoFromPostgresText() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let millis = Int64.random(in: -62_135_596_800_000...253_402_300_799_999, using: &random)
            let full = DateText.postgres(Self.date(milliseconds: millis))
            // PostgreSQL drops trailing zeros of the fraction, and the point when nothing is left.
            var trimmed = String(full.dropLast(3))
            while trimmed.hasSuffix("0") && trimmed.contains(".") { trimmed.removeLast() }
            if trimmed.hasSuffix(".") { trimmed.removeLast() }
            for text in [full, trimmed + "+00", String(full.dropLast(3)) + "456+00"] {
                #expect(Self.iso(postgres: text) == DateText.date(postgres: text).map(DateText.iso8601), "\(text)")
            }
        }
        for text in ["", "x", "2024-02-29 13:45:07.+00", "2024-02-29 13:45:07.12a+00", "2024-02-29T13:45:07+00",
                     "2024-02-29 13:45:07+01", "0001-01-01 00:00:00+00 BC", "infinity", "2024-02-29 1x:45:07+00"] {
            #expect(Self.iso(postgres: text) == DateText.date(postgres: text).map(DateText.iso8601), "\(text)")
        }
    }
}

extension Int64 {
    fileprivate func modulo(_ divisor: Int64) -> Int64 {
        let remainder = self % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }
}
