/// Writes JSON text straight into a growing byte buffer: the response is produced in selection
/// order without building dictionaries first.
///
/// Strings are escaped like `JSON.stringify` (RFC 8259 section 7): `"` `\\` and the control
/// characters below U+0020 are escaped, everything else is copied as UTF-8. A Swift `String`
/// always holds valid Unicode, so lone surrogates cannot occur.
///
/// A mark/rewind pair lets the executor discard an object already partly written when a non-null
/// field inside it turns out null (null propagation, spec 6.4.4).
struct ResponseWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count: Int = 0
    private var capacity: Int
    /// Whether `base` was allocated by the writer; else it is the storage of the array being
    /// filled by ``collect(capacity:_:)``.
    private var ownsBuffer: Bool

    init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        self.base = .allocate(capacity: self.capacity)
        self.ownsBuffer = true
    }

    private init(into buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.base = buffer.baseAddress!
        self.capacity = buffer.count
        self.ownsBuffer = false
    }

    deinit {
        if ownsBuffer { base.deallocate() }
    }

    /// The bytes `body` writes, written straight into the storage of the returned array while
    /// they fit in `capacity`: a response sized right in advance is neither copied nor grown, and
    /// it is one allocation, which keeps malloc reusing the same warm pages request after request.
    static func collect(capacity: Int, _ body: (consuming ResponseWriter) -> ResponseWriter) -> [UInt8] {
        var spilled: [UInt8]?
        let bytes = [UInt8](unsafeUninitializedCapacity: max(capacity, 16)) { buffer, initialized in
            let writer = body(ResponseWriter(into: buffer))
            if writer.ownsBuffer {
                initialized = 0
                spilled = writer.finish()
            } else {
                initialized = writer.count
            }
        }
        return spilled ?? bytes
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
        // Wrapping arithmetic: a count near Int.max cannot be allocated in the first place.
        if count &+ extra > capacity { grow(count &+ extra) }
    }

    private mutating func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        if ownsBuffer { base.deallocate() }
        base = newBase
        capacity = newCapacity
        ownsBuffer = true
    }

    @inline(__always)
    mutating func writeByte(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count &+= 1
    }

    /// Copies bytes that need no escaping (keys prepared by the plan, literals).
    @inline(__always)
    mutating func writeRaw(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        (base + count).update(from: bytes.baseAddress!, count: bytes.count)
        count += bytes.count
    }

    /// Copies bytes prepared by the plan (``JSONBytes``), eight at a time: short keys cost a
    /// few moves instead of a call to `memmove`.
    @inline(__always)
    mutating func writePrepared(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count &+ 8)
        let input = UnsafeRawPointer(bytes.baseAddress!)
        let output = UnsafeMutableRawPointer(base + count)
        var offset = 0
        repeat {
            output.storeBytes(of: input.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset, as: UInt64.self)
            offset &+= 8
        } while offset < bytes.count
        count &+= bytes.count
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
        } else if let (digits, scale) = JavaScriptNumber.shortDecimal(value) {
            writeDecimal(digits, scale: scale)
        } else {
            var text = JavaScriptNumber.format(value)
            text.withUTF8 { writeRaw($0) }
        }
    }

    /// `digits / 10^scale` in plain decimal notation (`-0.05`, `10.5`); `scale` is at least 1.
    private mutating func writeDecimal(_ digits: Int, scale: Int) {
        reserve(40)
        if digits < 0 {
            base[count] = UInt8(ascii: "-")
            count += 1
        }
        var magnitude = digits.magnitude
        var length = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            length += 1
        }
        // Leading zeros up to the first digit of the fraction: "0.0" for 5 at scale 2.
        let width = max(length, scale + 1)
        var index = count + width
        var written = 0
        while written < width {
            if written == scale {
                base[index] = UInt8(ascii: ".")
                index -= 1
            }
            base[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
            index -= 1
            written += 1
        }
        count += width + 1
    }

    /// A JSON string literal.
    mutating func writeString(_ string: String) {
        let written: Void? = string.utf8.withContiguousStorageIfAvailable { writeEscaped($0) }
        if written == nil {
            var copy = string
            copy.withUTF8 { writeEscaped($0) }
        }
    }

    /// Copies the bytes in words of eight (or four) while none of them needs escaping, the last
    /// word overlapping the one before; a string with something to escape is written byte by
    /// byte from the start.
    @inline(__always)
    private mutating func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        let end = bytes.count
        reserve(end &+ 2)
        let output = base + count
        if let start = bytes.baseAddress, end > 0, !Self.copyClean(start, end, to: output + 1) {
            writeEscapedSlowly(bytes)
            return
        }
        output[0] = UInt8(ascii: "\"")
        output[end &+ 1] = UInt8(ascii: "\"")
        count &+= end &+ 2
    }

    /// Copies `count` bytes from `start` to `output` unless one of them needs escaping; `output`
    /// may then hold part of them.
    @inline(__always)
    private static func copyClean(_ start: UnsafePointer<UInt8>, _ count: Int, to output: UnsafeMutablePointer<UInt8>) -> Bool {
        let input = UnsafeRawPointer(start)
        let target = UnsafeMutableRawPointer(output)
        if count >= 8 {
            var index = 0
            while index &+ 8 < count {
                let word = input.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if needsEscape(word) { return false }
                target.storeBytes(of: word, toByteOffset: index, as: UInt64.self)
                index &+= 8
            }
            let last = input.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
            if needsEscape(last) { return false }
            target.storeBytes(of: last, toByteOffset: count &- 8, as: UInt64.self)
        } else if count >= 4 {
            let first = input.loadUnaligned(as: UInt32.self)
            let last = input.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
            if needsEscape(UInt64(first) | UInt64(last) << 32) { return false }
            target.storeBytes(of: first, as: UInt32.self)
            target.storeBytes(of: last, toByteOffset: count &- 4, as: UInt32.self)
        } else {
            for index in 0..<count {
                let byte = start[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
                output[index] = byte
            }
        }
        return true
    }

    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = word ^ 0x2222_2222_2222_2222
        let backslash = word ^ 0x5C5C_5C5C_5C5C_5C5C
        let control = (word &- 0x2020_2020_2020_2020) & ~word
        return (control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & 0x8080_8080_8080_8080 != 0
    }

    private mutating func writeEscapedSlowly(_ bytes: UnsafeBufferPointer<UInt8>) {
        writeByte(UInt8(ascii: "\""))
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
