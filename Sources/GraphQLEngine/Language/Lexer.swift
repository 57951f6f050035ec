/// Turns the UTF-8 bytes of a source into tokens (spec 2.1 "Source Text").
///
/// The lexer reads through a pointer to bytes that are followed by a NUL terminator (what
/// `String.withCString` guarantees), so looking one byte past the last character is always
/// safe and most end-of-input checks collapse into the ordinary byte comparisons.
struct Lexer {
    let bytes: UnsafePointer<UInt8>
    let count: Int
    /// Offset of the next byte to read.
    var position = 0
    /// 1-based line of `position`.
    var line = 1
    /// Offset at which the current line starts.
    var lineStart = 0

    init(bytes: UnsafePointer<UInt8>, count: Int) {
        self.bytes = bytes
        self.count = count
    }

    /// The byte at `offset`; 0 at the end of input.
    @inline(__always)
    func byte(_ offset: Int) -> UInt8 { bytes[offset] }

    /// Reads the next significant token, skipping ignored ones.
    ///
    /// Spec: Ignored :: UnicodeBOM | WhiteSpace | LineTerminator | Comment | Comma
    mutating func next() throws -> Token {
        while true {
            let code = bytes[position]
            // Names and single spaces are the most frequent bytes: test them before the switch.
            if code == 0x20 {
                position &+= 1
                continue
            }
            if Lexer.isNameStart(code) { return readName() }
            switch code {
            case 0x20, 0x09, 0x2C:  // space, tab, comma
                position += 1
                continue
            case 0x0A:
                position += 1
                line += 1
                lineStart = position
                continue
            case 0x0D:
                position += bytes[position + 1] == 0x0A ? 2 : 1
                line += 1
                lineStart = position
                continue
            case 0x23:  // # Comment :: # CommentChar*
                position += 1
                while true {
                    let c = bytes[position]
                    if c == 0x0A || c == 0x0D || (c == 0 && position >= count) { break }
                    position += 1
                }
                continue
            case 0xEF where bytes[position + 1] == 0xBB && bytes[position + 2] == 0xBF:  // BOM
                position += 3
                continue
            case 0:
                if position >= count { return token(.endOfFile, length: 0) }
            case 0x21: return token(.bang, length: 1)
            case 0x24: return token(.dollar, length: 1)
            case 0x26: return token(.amp, length: 1)
            case 0x28: return token(.parenL, length: 1)
            case 0x29: return token(.parenR, length: 1)
            case 0x2E:
                if bytes[position + 1] == 0x2E && bytes[position + 2] == 0x2E {
                    return token(.spread, length: 3)
                }
            case 0x3A: return token(.colon, length: 1)
            case 0x3D: return token(.equals, length: 1)
            case 0x40: return token(.at, length: 1)
            case 0x5B: return token(.bracketL, length: 1)
            case 0x5D: return token(.bracketR, length: 1)
            case 0x7B: return token(.braceL, length: 1)
            case 0x7C: return token(.pipe, length: 1)
            case 0x7D: return token(.braceR, length: 1)
            case 0x22:
                if bytes[position + 1] == 0x22 && bytes[position + 2] == 0x22 {
                    return try readBlockString()
                }
                return try readString()
            default:
                if Lexer.isDigit(code) || code == 0x2D { return try readNumber() }
            }
            throw unexpectedCharacter(at: position)
        }
    }

    /// A token of `kind` starting at `position`; advances past it.
    @inline(__always)
    private mutating func token(_ kind: TokenKind, length: Int) -> Token {
        let start = position
        position += length
        return Token(kind: kind, start: start, end: position, line: line, lineStart: lineStart)
    }

    /// Spec: Name :: NameStart NameContinue* [lookahead != NameContinue]
    private mutating func readName() -> Token {
        let start = position
        position &+= 1
        while Lexer.isNameContinue(bytes[position]) { position &+= 1 }
        return Token(kind: .name, start: start, end: position, line: line, lineStart: lineStart)
    }

    @inline(never)
    private func unexpectedCharacter(at offset: Int) -> SyntaxError {
        if bytes[offset] == 0x27 {
            return SyntaxError(
                message: "Unexpected single quote character ('), did you mean to use a double quote (\")?",
                offset: offset)
        }
        return SyntaxError(message: "Unexpected character: \(describeCharacter(at: offset)).", offset: offset)
    }

    // MARK: Character classes

    /// Spec: NameStart :: Letter | `_`
    @inline(__always)
    static func isNameStart(_ byte: UInt8) -> Bool {
        isIn(byte, low: 0, high: 0x07FF_FFFE_87FF_FFFE)
    }

    /// Spec: NameContinue :: Letter | Digit | `_`
    @inline(__always)
    static func isNameContinue(_ byte: UInt8) -> Bool {
        isIn(byte, low: 0x03FF_0000_0000_0000, high: 0x07FF_FFFE_87FF_FFFE)
    }

    /// Tests an ASCII character class given as two 64-bit masks (bit n of `low` is byte n,
    /// bit n of `high` is byte 64 + n): one shift instead of a chain of range comparisons.
    @inline(__always)
    private static func isIn(_ byte: UInt8, low: UInt64, high: UInt64) -> Bool {
        let mask = byte < 64 ? low : byte < 128 ? high : 0
        return (mask >> UInt64(byte & 63)) & 1 != 0
    }

    /// Spec: Digit :: one of 0 1 2 3 4 5 6 7 8 9
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    // MARK: Error text

    /// The Unicode scalar starting at `offset` and its length in bytes; `nil` at the end.
    func scalar(at offset: Int) -> (Unicode.Scalar, Int)? {
        guard offset < count else { return nil }
        let lead = bytes[offset]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0x7F >> UInt32(length))
        for index in 1..<max(1, min(length, count - offset)) {
            value = value << 6 | UInt32(bytes[offset + index] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Describes the character at `offset` as graphql-js does: `"a"`, `'"'`, `U+00E9` or `<EOF>`.
    func describeCharacter(at offset: Int) -> String {
        guard let (scalar, _) = scalar(at: offset) else { return "<EOF>" }
        if scalar.value >= 0x20 && scalar.value <= 0x7E {
            return scalar == "\"" ? "'\"'" : "\"\(Character(scalar))\""
        }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The source text from `offset` spanning at most `utf16Units` UTF-16 code units, like the
    /// JavaScript `slice` graphql-js quotes in escape errors.
    func excerpt(from offset: Int, utf16Units: Int) -> String {
        var end = offset
        var units = 0
        while units < utf16Units, let (scalar, length) = scalar(at: end) {
            units += scalar.value > 0xFFFF ? 2 : 1
            end += length
        }
        return String(decoding: UnsafeBufferPointer(start: bytes + offset, count: end - offset), as: UTF8.self)
    }
}
