import DealGraphTesting
import Foundation
import Testing
@testable import PostgresClient

@Suite("Every supported type round-trips through bind parameters and row decoding")
struct RoundTripTests {
    static let hostileStrings = [
        "", "plain", "héllo wörld ✓ 日本語 🎉", "it's \"quoted\"", "back\\slash\\\\", "'; DROP TABLE x; --",
        "line\nbreak\ttab", "NULL", "{a,b}", "$1",
    ]

    @Test("text, including empty, unicode, quotes, backslashes and SQL-looking strings", arguments: hostileStrings)
    func text(_ string: String) async throws {
        try await TestCluster.withPool("roundtrip") { pool throws in
            #expect(try await pool.echo(.text(string), as: "text") == .text(string))
            #expect(try await pool.echo(.text(string), as: "varchar") == .text(string))
        }
    }

    @Test("a 1 MB string round-trips")
    func longText() async throws {
        try await TestCluster.withPool("roundtrip") { pool throws in
            let long = String(repeating: "long ✓ ", count: 150_000)
            #expect(try await pool.echo(.text(long), as: "text") == .text(long))
        }
    }

    @Test("NULL of every type decodes as .null")
    func nulls() async throws {
        try await TestCluster.withPool("roundtrip") { pool throws in
            for type in ["text", "int4", "int8", "float8", "bool", "timestamptz", "text[]", "jsonb"] {
                #expect(try await pool.echo(.null, as: type) == .null)
            }
        }
    }

    @Test("int4 and int8 round-trip at their limits; an int2 reads back as int4")
    func integers() async throws {
        try await TestCluster.withPool("roundtrip") { pool throws in
            for number in [Int32.min, -1, 0, 1, Int32.max] {
                #expect(try await pool.echo(.int4(number), as: "int4") == .int4(number))
            }
            for number in [Int64.min, -1, 0, Int64.max] {
                #expect(try await pool.echo(.int8(number), as: "int8") == .int8(number))
            }
            #expect(try await pool.echo(.int4(7), as: "int2") == .int4(7))
        }
    }

    @Test("extreme and non-finite doubles round-trip, NaN included")
    func doubles() async throws {
        try await TestCluster.withPool("roundtrip") { pool in
            let values: [Double] = [0, -0.0, 1.5, -2.25, .pi, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                                    .leastNonzeroMagnitude, .leastNormalMagnitude, .infinity, -.infinity, 1e300, 0.1]
            for number in values {
                let decoded = try await pool.echo(.float8(number), as: "float8")
                #expect(decoded == .float8(number), "\(number)")
            }
            guard case .float8(let nan) = try await pool.echo(.float8(.nan), as: "float8") else {
                Issue.record("NaN did not decode as float8")
                return
            }
            #expect(nan.isNaN)
        }
    }

    @Test("true and false round-trip")
    func booleans() async throws {
        try await TestCluster.withPool("roundtrip") { pool throws in
            #expect(try await pool.echo(.bool(true), as: "bool") == .bool(true))
            #expect(try await pool.echo(.bool(false), as: "bool") == .bool(false))
        }
    }

    @Test("timestamps keep millisecond precision, whatever the session or literal time zone")
    func timestamps() async throws {
        try await TestCluster.withPool("roundtrip") { pool in
            let dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_700_000_000.123),
                         Date(timeIntervalSince1970: -1_000_000_000.5), Date(timeIntervalSince1970: 253_402_300_799.999),
                         Date(timeIntervalSince1970: -62_135_596_800)]
            for date in dates {
                #expect(try await pool.echo(.timestamptz(date), as: "timestamptz") == .timestamptz(date))
            }
            let sub = Date(timeIntervalSince1970: 1_700_000_000.1234567)
            #expect(try await pool.echo(.timestamptz(sub), as: "timestamptz")
                == .timestamptz(Date(timeIntervalSince1970: 1_700_000_000.123)))
            let zoned = try await pool.query(
                "SELECT '2024-03-10 08:30:00.250-05:00'::timestamptz, '2024-03-10 23:30:00+09:30'::timestamptz")
            #expect(zoned[0].date(0) == Date(timeIntervalSince1970: 1_710_077_400.25))
            #expect(zoned[0].date(1) == Date(timeIntervalSince1970: 1_710_079_200))
            let local = try await pool.withConnection { connection in
                _ = try await connection.query("SET TIME ZONE 'America/New_York'")
                let row = try await connection.query("SELECT $1::timestamptz", [.timestamptz(Date(timeIntervalSince1970: 86_400.5))])
                _ = try await connection.query("SET TIME ZONE 'UTC'")
                return row[0].date(0)
            }
            #expect(local == Date(timeIntervalSince1970: 86_400.5))
        }
    }

    @Test("text arrays round-trip: empty, with NULL elements, with hostile elements; the server's arrays decode")
    func arrays() async throws {
        try await TestCluster.withPool("roundtrip") { pool in
            let arrays: [[String?]] = [[], [nil], ["a", nil, "b"], ["NULL", "null", ""], Self.hostileStrings.map { $0 },
                                       ["{", "}", ",", "\"", "\\", " spaced "]]
            for array in arrays {
                #expect(try await pool.echo(.textArray(array), as: "text[]") == .textArray(array))
            }
            let fromServer = try await pool.query("SELECT ARRAY['x', NULL, 'y z']::varchar[], '{}'::text[]")
            #expect(fromServer[0].stringArray(0) == ["x", nil, "y z"])
            #expect(fromServer[0].stringArray(1) == [])
        }
    }

    @Test("jsonb keeps its text")
    func json() async throws {
        try await TestCluster.withPool("roundtrip") { pool in
            let document = #"{"a": [1, 2.5, null, "x'y\"z"], "b": {"c": true}}"#
            guard case .jsonb(let text) = try await pool.echo(.jsonb(document), as: "jsonb") else {
                Issue.record("jsonb did not decode as jsonb")
                return
            }
            let original = try JSONSerialization.jsonObject(with: Data(document.utf8)) as? NSDictionary
            let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary
            #expect(original == decoded)
        }
    }

    @Test("a NUL byte in a parameter is refused, not truncated")
    func nulByte() async throws {
        try await TestCluster.withPool("roundtrip") { pool in
            let error = await #expect(throws: PostgresError.self) {
                _ = try await pool.query("SELECT $1::text", [.text("a\u{0}b")])
            }
            #expect(error?.sqlState == "22021")
        }
    }

    @Test("a hostile string stored and read back leaves the table intact")
    func storedHostileStrings() async throws {
        try await TestCluster.withPool("roundtrip") { pool in
            _ = try await pool.query("CREATE TABLE x (id serial PRIMARY KEY, body text, tags text[])")
            for string in Self.hostileStrings {
                _ = try await pool.query("INSERT INTO x (body, tags) VALUES ($1, $2)", [.text(string), .textArray([string, nil])])
            }
            let rows = try await pool.query("SELECT body, tags FROM x ORDER BY id")
            #expect(rows.map { $0.string(0) } == Self.hostileStrings)
            #expect(rows.map { $0["tags"] } == Self.hostileStrings.map { .textArray([$0, nil]) })
            #expect(rows.affectedRows == Self.hostileStrings.count)
        }
    }

    @Test("row accessors read by name and index; an absent column is NULL, a mismatched type nil")
    func accessors() async throws {
        try await TestCluster.withPool("roundtrip") { pool in
            let row = try await pool.query("SELECT 1::int8 AS a, 'x' AS b, NULL::text AS c, 2.5::numeric AS d")[0]
            #expect(row.count == 4)
            #expect(row["a"] == .int8(1))
            #expect(row["missing"] == .null)
            #expect(row.int(0) == 1)
            #expect(row.string(0) == nil)
            #expect(row.string(1) == "x")
            #expect(row.string(2) == nil)
            #expect(row.double(3) == 2.5)
            #expect(row.bool(1) == nil)
        }
    }
}

extension PostgresPool {
    /// Sends `value` cast to `type` and reads it back.
    fileprivate func echo(_ value: PostgresValue, as type: String) async throws -> PostgresValue {
        let result = try await query("SELECT $1::\(type) AS v", [value])
        #expect(result.count == 1)
        #expect(result.columns.map(\.name) == ["v"])
        return result[0][0]
    }
}
