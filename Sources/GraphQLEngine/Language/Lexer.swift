/// Turns the UTF-8 bytes of a source into tokens (spec 2.1 "Source Text").
///
/// The lexer reads through a pointer to bytes that are followed by a NUL terminator (what
/// `String.withCString` guarantees), so looking one byte past the last character is always
/// safe and most end-of-input checks collapse into the ordinary byte comparisons.
struct Lexer {
    let bytes: UnsafePointer<UInt8>
    let count: Int
    /// `SmallASCIIString.isSupported`, read once per lexer rather than once per name.
    let buildsSmallStrings = SmallASCIIString.isSupported
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

    /// Reads the next significant token and returns it.
    mutating func next() throws -> Token {
        var token = Token(kind: .endOfFile, start: position, end: position, line: line, lineStart: lineStart)
        try advance(into: &token)
        return token
    }

    /// Reads the next significant token into `token`, skipping ignored ones.
    ///
    /// The token is written in place rather than returned: `token` is the parser's own, so this
    /// saves unpacking a returned token into the parser's fields on every token. Spaces, line
    /// feeds, names and punctuators are handled here; everything else in `readUncommon()`, which
    /// keeps this function small enough to need few registers.
    ///
    /// Spec: Ignored :: UnicodeBOM | WhiteSpace | LineTerminator | Comment | Comma
    mutating func advance(into token: inout Token) throws {
        // The offset and line stay in registers and are written back once per token: reading
        // a field right after writing it, or two fields written separately as one wide load,
        // stalls the processor's store forwarding.
        var offset = position
        var line = self.line
        var lineStart = self.lineStart
        defer {
            self.line = line
            self.lineStart = lineStart
        }
        while true {
            let start = offset
            let kind: TokenKind
            // One switch over every byte value compiles to a single jump table.
            switch bytes[offset] {
            case 0x20, 0x09, 0x2C:  // space, tab, comma
                offset &+= 1
                continue
            case 0x41...0x5A, 0x5F, 0x61...0x7A:
                // Spec: Name :: NameStart NameContinue* [lookahead != NameContinue]
                offset &+= 1
                while Lexer.isNameContinue(bytes[offset]) { offset &+= 1 }
                position = offset
                token = Token(kind: .name, start: start, end: offset, line: line, lineStart: lineStart)
                return
            case 0x0A:
                offset &+= 1
                line &+= 1
                lineStart = offset
                continue
            case 0x21: kind = .bang
            case 0x24: kind = .dollar
            case 0x26: kind = .amp
            case 0x28: kind = .parenL
            case 0x29: kind = .parenR
            case 0x3A: kind = .colon
            case 0x3D: kind = .equals
            case 0x40: kind = .at
            case 0x5B: kind = .bracketL
            case 0x5D: kind = .bracketR
            case 0x7B: kind = .braceL
            case 0x7C: kind = .pipe
            case 0x7D: kind = .braceR
            case 0x2E where bytes[offset &+ 1] == 0x2E && bytes[offset &+ 2] == 0x2E:
                position = offset &+ 3
                token = Token(kind: .spread, start: start, end: position, line: line, lineStart: lineStart)
                return
            default:
                position = offset
                self.line = line
                self.lineStart = lineStart
                let uncommon = try readUncommon()
                line = self.line
                lineStart = self.lineStart
                if let uncommon {
                    token = uncommon
                    return
                }
                offset = position
                continue
            }
            position = offset &+ 1
            token = Token(kind: kind, start: start, end: position, line: line, lineStart: lineStart)
            return
        }
    }

    /// Reads the token at `position` that `advance(into:)` leaves to this function, or skips
    /// ignored text and returns `nil`.
    @inline(never)
    private mutating func readUncommon() throws -> Token? {
        switch bytes[position] {
        case 0x0D:
            position &+= bytes[position &+ 1] == 0x0A ? 2 : 1
            line &+= 1
            lineStart = position
            return nil
        case 0x23:  // # Comment :: # CommentChar*
            position &+= 1
            while true {
                let code = bytes[position]
                if code == 0x0A || code == 0x0D || (code == 0 && position >= count) { return nil }
                position &+= 1
            }
        case 0xEF where bytes[position &+ 1] == 0xBB && bytes[position &+ 2] == 0xBF:  // BOM
            position &+= 3
            return nil
        case 0x22:
            return bytes[position &+ 1] == 0x22 && bytes[position &+ 2] == 0x22 ? try readBlockString() : try readString()
        case 0x30...0x39, 0x2D:
            return try readNumber()
        case 0 where position >= count:
            return Token(kind: .endOfFile, start: position, end: position, line: line, lineStart: lineStart)
        default:
            throw unexpectedCharacter(at: position)
        }
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
    ///
    /// A table lookup: names are most of a document's bytes, and this is two instructions per
    /// byte where the mask test of `isIn` takes six.
    @inline(__always)
    static func isNameContinue(_ byte: UInt8) -> Bool {
        nameContinueTable.utf8Start[Int(byte)] == 0x31
    }

    /// "1" at the index of every NameContinue byte.
    private static let nameContinueTable: StaticString = """
        ................................\
        ................1111111111......\
        .11111111111111111111111111....1\
        .11111111111111111111111111.....\
        ................................\
        ................................\
        ................................\
        ................................
        """

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
