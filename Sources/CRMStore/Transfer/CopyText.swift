import Foundation
import PostgresClient

/// Rows in the text format of `COPY ... FROM STDIN` ("Tab-separated, `\N` for NULL, backslash,
/// newline, carriage return and tab escaped with a backslash", PostgreSQL's COPY documentation),
/// written straight into bytes and handed over in chunks of about a megabyte.
struct CopyText {
    private(set) var bytes: [UInt8] = []
    private var atRowStart = true
    static let chunkSize = 1 << 20

    init() { bytes.reserveCapacity(Self.chunkSize + 4_096) }

    var isFull: Bool { bytes.count >= Self.chunkSize }

    mutating func text(_ value: String?) {
        separate()
        guard let value else { return null() }
        for byte in value.utf8 { escaped(byte) }
    }

    mutating func integer(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func timestamp(_ date: Date?) {
        separate()
        guard let date else { return null() }
        bytes.append(contentsOf: DateText.postgres(date).utf8)
    }

    /// A `text[]` literal with every element double-quoted (array quoting, then COPY's escaping).
    mutating func textArray(_ elements: [String]) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            for byte in element.utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { escaped(UInt8(ascii: "\\")) }
                escaped(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// One imported cell in its column's text form.
    mutating func cell(_ cell: ImportCell) {
        switch cell {
        case .null: text(nil)
        case .text(let value), .json(let value): text(value)
        case .number(let value): text(value.description)
        case .bool(let value): text(value ? "t" : "f")
        case .date(let value): timestamp(value)
        case .textArray(let elements): textArray(elements)
        }
    }

    /// A `text[]` literal with every element double-quoted, so no element is read as NULL or a
    /// delimiter (for a text parameter cast to `text[]`).
    static func arrayLiteral(_ elements: [String]) -> String {
        let quoted = elements.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        return "{" + quoted.joined(separator: ",") + "}"
    }

    mutating func endRow() {
        bytes.append(UInt8(ascii: "\n"))
        atRowStart = true
    }

    /// The bytes written so far; the buffer starts empty again.
    mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    private mutating func separate() {
        if !atRowStart { bytes.append(UInt8(ascii: "\t")) }
        atRowStart = false
    }

    private mutating func null() {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "N"))
    }

    private mutating func escaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        default: bytes.append(byte)
        }
    }
}
