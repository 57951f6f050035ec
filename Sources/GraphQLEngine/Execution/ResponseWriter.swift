/// Writes JSON text straight into a growing byte buffer: the response is produced in selection
/// order without building dictionaries first.
///
/// Strings are escaped like `JSON.stringify` (RFC 8259 section 7): `"` `\` and the control
/// characters below U+0020 are escaped, everything else is copied as UTF-8. A Swift `String`
/// always holds valid Unicode, so lone surrogates cannot occur.
///
/// A mark/rewind pair lets the executor discard an object already partly written when a non-null
/// field inside it turns out null (null propagation, spec 6.4.4).
struct ResponseWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count: Int = 0
    private var capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        self.base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// The bytes written, as an array.
    consuming func finish() -> [UInt8] {
        [UInt8](UnsafeBufferPointer(start: base, count: count))
    }

    /// The bytes written, as a string.
    consuming func finishString() -> String {
        String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    }

    /// Calls `body` with the bytes written so far.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Forgets everything written after `mark` (a former `count`).
    mutating func rewind(to mark: Int) {
        count = mark
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    mutating func writeByte(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Copies bytes that need no escaping (keys prepared by the plan, literals).
    @inline(__always)
    mutating func writeRaw(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        (base + count).update(from: bytes.baseAddress!, count: bytes.count)
        count += bytes.count
    }

    /// Copies bytes that need no escaping.
    @inline(__always)
    mutating func writeRaw(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { writeRaw($0) }
    }

    mutating func writeNull() {
        reserve(4)
        base[count] = UInt8(ascii: "n"); base[count + 1] = UInt8(ascii: "u")
        base[count + 2] = UInt8(ascii: "l"); base[count + 3] = UInt8(ascii: "l")
        count += 4
    }

    mutating func writeBool(_ value: Bool) {
        if value {
            writeRaw(trueBytes)
        } else {
            writeRaw(falseBytes)
        }
    }

    /// A decimal integer.
    mutating func writeInt(_ value: Int) {
        reserve(20)
        var magnitude = value.magnitude
        if value < 0 {
            base[count] = UInt8(ascii: "-")
            count += 1
        }
        var digits = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        var index = count + digits - 1
        repeat {
            base[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
            index -= 1
        } while magnitude > 0
        count += digits
    }

    /// A number as JavaScript prints it (`10.5`, `100`, `1e+21`); JSON has no NaN or infinity, so
    /// those become null as in `JSON.stringify`.
    mutating func writeDouble(_ value: Double) {
        if !value.isFinite {
            writeNull()
        } else if abs(value) < 9.0e15, let integer = JavaScriptNumber.integer(value) {
            writeInt(integer)
        } else {
            var text = JavaScriptNumber.format(value)
            text.withUTF8 { writeRaw($0) }
        }
    }

    /// A JSON string literal.
    mutating func writeString(_ string: String) {
        let written: Void? = string.utf8.withContiguousStorageIfAvailable { writeEscaped($0) }
        if written == nil {
            var copy = string
            copy.withUTF8 { writeEscaped($0) }
        }
    }

    private mutating func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count + 2)
        base[count] = UInt8(ascii: "\"")
        count += 1
        var runStart = 0
        var index = 0
        let end = bytes.count
        while index < end {
            let byte = bytes[index]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            if index > runStart {
                writeRaw(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            }
            writeEscape(for: byte)
            index += 1
            runStart = index
        }
        if end > runStart {
            writeRaw(UnsafeBufferPointer(rebasing: bytes[runStart..<end]))
        }
        writeByte(UInt8(ascii: "\""))
    }

    private mutating func writeEscape(for byte: UInt8) {
        reserve(6)
        base[count] = UInt8(ascii: "\\")
        let short: UInt8
        switch byte {
        case UInt8(ascii: "\""): short = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): short = UInt8(ascii: "\\")
        case 0x08: short = UInt8(ascii: "b")
        case 0x0C: short = UInt8(ascii: "f")
        case 0x0A: short = UInt8(ascii: "n")
        case 0x0D: short = UInt8(ascii: "r")
        case 0x09: short = UInt8(ascii: "t")
        default:
            base[count + 1] = UInt8(ascii: "u")
            base[count + 2] = UInt8(ascii: "0")
            base[count + 3] = UInt8(ascii: "0")
            base[count + 4] = hexDigits[Int(byte >> 4)]
            base[count + 5] = hexDigits[Int(byte & 0x0F)]
            count += 6
            return
        }
        base[count + 1] = short
        count += 2
    }
}

private let trueBytes: [UInt8] = Array("true".utf8)
private let falseBytes: [UInt8] = Array("false".utf8)
private let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
