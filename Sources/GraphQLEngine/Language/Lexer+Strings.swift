extension Lexer {
    /// Reads a quoted string, checking every escape; the value is decoded later by `stringValue`.
    ///
    /// Spec: StringValue :: `""` [lookahead != `"`] | `"` StringCharacter+ `"`
    /// StringCharacter :: SourceCharacter but not `"` or `\` or LineTerminator
    /// | `\u` EscapedUnicode | `\` EscapedCharacter
    @inline(never)
    mutating func readString() throws -> Token {
        let start = position
        var hasEscape = false
        position += 1
        while true {
            switch bytes[position] {
            case 0x22:
                position += 1
                var token = Token(kind: .string, start: start, end: position, line: line, lineStart: lineStart)
                token.hasEscape = hasEscape
                return token
            case 0x5C:
                hasEscape = true
                position += try readEscape(at: position).size
            case 0x0A, 0x0D:
                throw SyntaxError(message: "Unterminated string.", offset: position)
            case 0 where position >= count:
                throw SyntaxError(message: "Unterminated string.", offset: position)
            default:
                position += 1
            }
        }
    }

    /// Reads a block string, keeping the line count current.
    ///
    /// Spec: StringValue :: `"""` BlockStringCharacter* `"""`
    /// BlockStringCharacter :: SourceCharacter but not `"""` or `\"""` | `\"""`
    @inline(never)
    mutating func readBlockString() throws -> Token {
        let start = position
        let token = Token(kind: .blockString, start: start, end: start, line: line, lineStart: lineStart)
        position += 3
        while true {
            switch bytes[position] {
            case 0x22 where bytes[position + 1] == 0x22 && bytes[position + 2] == 0x22:
                position += 3
                var finished = token
                finished.end = position
                return finished
            case 0x5C where bytes[position + 1] == 0x22 && bytes[position + 2] == 0x22 && bytes[position + 3] == 0x22:
                position += 4
            case 0x0A:
                position += 1
                line += 1
                lineStart = position
            case 0x0D:
                position += bytes[position + 1] == 0x0A ? 2 : 1
                line += 1
                lineStart = position
            case 0 where position >= count:
                throw SyntaxError(message: "Unterminated string.", offset: position)
            default:
                position += 1
            }
        }
    }

    /// Decodes the escape sequence starting with the `\` at `offset`: the scalar it denotes and
    /// the number of bytes it spans.
    ///
    /// Spec: EscapedCharacter :: one of `"` `\` `/` `b` `f` `n` `r` `t`
    /// EscapedUnicode :: `{` HexDigit+ `}` | HexDigit HexDigit HexDigit HexDigit
    /// A fixed-width leading surrogate must be followed by `\u` and a trailing surrogate.
    func readEscape(at offset: Int) throws -> (scalar: Unicode.Scalar, size: Int) {
        let simple: Unicode.Scalar
        switch bytes[offset + 1] {
        case 0x22: simple = "\""
        case 0x5C: simple = "\\"
        case 0x2F: simple = "/"
        case 0x62: simple = "\u{08}"
        case 0x66: simple = "\u{0C}"
        case 0x6E: simple = "\n"
        case 0x72: simple = "\r"
        case 0x74: simple = "\t"
        case 0x75 where bytes[offset + 2] == 0x7B: return try readVariableWidthEscape(at: offset)
        case 0x75: return try readFixedWidthEscape(at: offset)
        default:
            throw SyntaxError(
                message: "Invalid character escape sequence: \"\(excerpt(from: offset, utf16Units: 2))\".",
                offset: offset)
        }
        return (simple, 2)
    }

    /// `\u{` HexDigit+ `}`: at most eight digits, naming a Unicode scalar value.
    private func readVariableWidthEscape(at offset: Int) throws -> (scalar: Unicode.Scalar, size: Int) {
        var point: UInt32 = 0
        var size = 3
        while size < 12 {
            let code = bytes[offset + size]
            size += 1
            if code == 0x7D {
                if size >= 5, let scalar = Unicode.Scalar(point) { return (scalar, size) }
                break
            }
            guard let digit = Lexer.hexValue(code), point < 0x0800_0000 else { break }
            point = point << 4 | digit
        }
        throw SyntaxError(
            message: "Invalid Unicode escape sequence: \"\(excerpt(from: offset, utf16Units: size))\".",
            offset: offset)
    }

    /// `\u` HexDigit{4}, or a `\uD8xx\uDCxx` surrogate pair.
    private func readFixedWidthEscape(at offset: Int) throws -> (scalar: Unicode.Scalar, size: Int) {
        if let code = hex16(at: offset + 2) {
            if let scalar = Unicode.Scalar(code) { return (scalar, 6) }
            if code < 0xDC00, bytes[offset + 6] == 0x5C, bytes[offset + 7] == 0x75,
               let trailing = hex16(at: offset + 8), trailing >= 0xDC00, trailing <= 0xDFFF,
               let scalar = Unicode.Scalar(0x10000 + ((code - 0xD800) << 10) + (trailing - 0xDC00)) {
                return (scalar, 12)
            }
        }
        throw SyntaxError(
            message: "Invalid Unicode escape sequence: \"\(excerpt(from: offset, utf16Units: 6))\".",
            offset: offset)
    }

    /// Four hex digits at `offset`; stops at the first non-digit, so it never reads past the end.
    private func hex16(at offset: Int) -> UInt32? {
        var value: UInt32 = 0
        for index in 0..<4 {
            guard let digit = Lexer.hexValue(bytes[offset + index]) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    /// Spec: HexDigit :: one of 0-9 A-F a-f
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt32? {
        if isDigit(byte) { return UInt32(byte &- 0x30) }
        let lower = byte | 0x20
        if lower >= 0x61 && lower <= 0x66 { return UInt32(lower - 0x61 + 10) }
        return nil
    }

    // MARK: Values

    /// The value of a string token: escapes decoded for quoted strings, and the spec's
    /// BlockStringValue() applied to block strings.
    func stringValue(of token: Token) -> String {
        if token.kind == .blockString {
            return BlockString.value(UnsafeBufferPointer(start: bytes + token.start + 3, count: token.end - token.start - 6))
        }
        let contentStart = token.start + 1
        let contentEnd = token.end - 1
        guard token.hasEscape else {
            return String(decoding: UnsafeBufferPointer(start: bytes + contentStart, count: contentEnd - contentStart), as: UTF8.self)
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(contentEnd - contentStart)
        var offset = contentStart
        while offset < contentEnd {
            let byte = bytes[offset]
            // The lexer has already checked every escape, so this cannot fail.
            if byte == 0x5C, let (scalar, size) = try? readEscape(at: offset) {
                UTF8.encode(scalar) { decoded.append($0) }
                offset += size
            } else {
                decoded.append(byte)
                offset += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }
}
