extension Lexer {
    /// The source text of a name or number token, which are ASCII.
    ///
    /// Names are most of a document's nodes and almost all fit a small string (15 UTF-8 bytes
    /// or fewer, stored inline in the `String` value). Building one through a public initializer
    /// costs about a hundred instructions: a call into the runtime, a closure, an ASCII check.
    /// Here the bytes are loaded as two words and tagged as a small ASCII string directly,
    /// about ten instructions. That relies on the standard library's small-string layout, which
    /// is part of its ABI on Apple platforms (inlinable code in every client binary reads it);
    /// `SmallASCIIString.isSupported` checks the layout once per process, so a different layout
    /// costs speed, never correctness.
    @inline(__always)
    func asciiText(of token: Token) -> String {
        let start = token.start
        let length = token.end &- start
        // The two loads read 16 bytes from `start`: the source and its NUL terminator must cover them.
        if length <= SmallASCIIString.capacity && start &+ 15 <= count && buildsSmallStrings {
            return SmallASCIIString.make(bytes + start, count: length)
        }
        return String(decoding: UnsafeBufferPointer(start: bytes + start, count: length), as: UTF8.self)
    }
}

/// Builds small ASCII strings from their bytes (see `Lexer.asciiText(of:)`).
enum SmallASCIIString {
    /// The longest small string on 64-bit platforms.
    static let capacity = 15

    /// The string of the `count` (at most 15) ASCII bytes at `bytes`; 16 bytes must be readable.
    ///
    /// A small ASCII string is two words: the first eight bytes, then bytes 8-14 with the
    /// discriminator `0xE0 | count` in the top byte.
    @inline(__always)
    static func make(_ bytes: UnsafePointer<UInt8>, count: Int) -> String {
        let raw = UnsafeRawPointer(bytes)
        let first = raw.loadUnaligned(as: UInt64.self)
        let second = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        let low = count >= 8 ? first : first & ((1 &<< UInt64(truncatingIfNeeded: count &* 8)) &- 1)
        let high = count > 8 ? second & ((1 &<< UInt64(truncatingIfNeeded: (count &- 8) &* 8)) &- 1) : 0
        let tag = (0xE0 | UInt64(truncatingIfNeeded: count)) &<< 56
        // Writing the words over an empty string, rather than `unsafeBitCast`, spares a retain:
        // the compiler knows the empty literal needs none.
        var string = ""
        withUnsafeMutableBytes(of: &string) { raw in
            raw.storeBytes(of: low, as: UInt64.self)
            raw.storeBytes(of: high | tag, toByteOffset: 8, as: UInt64.self)
        }
        return string
    }

    /// Whether `make` agrees with the standard library for every length, on this platform and
    /// runtime. Checked once per process.
    static let isSupported: Bool = {
        #if _pointerBitWidth(_64) && _endian(little)
        let sample = Array("abcdefghijklmnopq".utf8)
        return sample.withUnsafeBufferPointer { buffer in
            (0...capacity).allSatisfy { count in
                let made = make(buffer.baseAddress!, count: count)
                let expected = String(decoding: buffer[..<count], as: UTF8.self)
                return made == expected && made.utf8.count == count && Array(made.utf8) == Array(expected.utf8)
                    && unsafeBitCast(made, to: (UInt64, UInt64).self) == unsafeBitCast(expected, to: (UInt64, UInt64).self)
            }
        }
        #else
        return false
        #endif
    }()
}
