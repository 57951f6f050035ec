extension Lexer {
    /// Reads an IntValue or FloatValue.
    ///
    /// Spec: IntValue :: IntegerPart [lookahead != {Digit, `.`, NameStart}]
    /// FloatValue :: IntegerPart FractionalPart? ExponentPart? [lookahead != {Digit, `.`, NameStart}]
    /// IntegerPart :: NegativeSign? 0 | NegativeSign? NonZeroDigit Digit*
    /// FractionalPart :: . Digit+;  ExponentPart :: ExponentIndicator Sign? Digit+
    @inline(never)
    mutating func readNumber() throws -> Token {
        let start = position
        var isFloat = false
        if bytes[position] == 0x2D { position += 1 }  // -
        if bytes[position] == 0x30 {  // 0
            position += 1
            if Lexer.isDigit(bytes[position]) {
                throw SyntaxError(
                    message: "Invalid number, unexpected digit after 0: \(describeCharacter(at: position)).",
                    offset: position)
            }
        } else {
            try readDigits()
        }
        if bytes[position] == 0x2E {  // .
            isFloat = true
            position += 1
            try readDigits()
        }
        if bytes[position] | 0x20 == 0x65 {  // e E
            isFloat = true
            position += 1
            if bytes[position] == 0x2B || bytes[position] == 0x2D { position += 1 }  // + -
            try readDigits()
        }
        if bytes[position] == 0x2E || Lexer.isNameStart(bytes[position]) {
            throw expectedDigit()
        }
        return Token(kind: isFloat ? .float : .int, start: start, end: position, line: line, lineStart: lineStart)
    }

    /// Reads `Digit+`.
    private mutating func readDigits() throws {
        guard Lexer.isDigit(bytes[position]) else { throw expectedDigit() }
        position += 1
        while Lexer.isDigit(bytes[position]) { position += 1 }
    }

    private func expectedDigit() -> SyntaxError {
        SyntaxError(
            message: "Invalid number, expected digit but got: \(describeCharacter(at: position)).",
            offset: position)
    }
}
