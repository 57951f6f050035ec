/// Block string rules: the spec's BlockStringValue() for parsing and graphql-js's
/// printBlockString for printing.
enum BlockString {
    /// Spec: BlockStringValue(rawValue): split into lines, remove the common indentation of all
    /// lines but the first, drop leading and trailing blank lines, join with U+000A. `raw` is the
    /// text between the quotes, in which `\"""` still stands for `"""`.
    static func value(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(raw.count)
        var lines: [Range<Int>] = []
        var lineStart = 0
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            if byte == 0x5C, index + 3 < raw.count, raw[index + 1] == 0x22, raw[index + 2] == 0x22, raw[index + 3] == 0x22 {
                text.append(contentsOf: [0x22, 0x22, 0x22])
                index += 4
            } else if byte == 0x0A || byte == 0x0D {
                lines.append(lineStart..<text.count)
                index += byte == 0x0D && index + 1 < raw.count && raw[index + 1] == 0x0A ? 2 : 1
                lineStart = text.count
            } else {
                text.append(byte)
                index += 1
            }
        }
        lines.append(lineStart..<text.count)

        var commonIndent = Int.max
        var firstNonBlank: Int?
        var lastNonBlank = -1
        for (number, line) in lines.enumerated() {
            let indent = leadingWhitespace(text[line])
            if indent == line.count { continue }
            firstNonBlank = firstNonBlank ?? number
            lastNonBlank = number
            if number != 0 && indent < commonIndent { commonIndent = indent }
        }
        guard let first = firstNonBlank else { return "" }
        var value: [UInt8] = []
        value.reserveCapacity(text.count)
        for number in first...lastNonBlank {
            if number != first { value.append(0x0A) }
            let line = lines[number]
            let trimmed = number == 0 ? line : (line.lowerBound + min(commonIndent, line.count))..<line.upperBound
            value.append(contentsOf: text[trimmed])
        }
        return String(decoding: value, as: UTF8.self)
    }

    /// Spec: WhiteSpace :: Horizontal Tab | Space
    private static func leadingWhitespace(_ line: ArraySlice<UInt8>) -> Int {
        line.prefix { $0 == 0x20 || $0 == 0x09 }.count
    }

    /// Prints `value` as a block string literal the way graphql-js does: indented block form with
    /// a leading and trailing line break unless the value fits on one short line.
    static func print(_ value: String) -> String {
        let escaped = value.replacing("\"\"\"", with: "\\\"\"\"")
        let lines = escaped.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        let isSingleLine = lines.count == 1
        let forceLeadingNewLine = lines.count > 1
            && lines.dropFirst().allSatisfy { $0.isEmpty || $0.first == " " || $0.first == "\t" }
        let hasTrailingTripleQuotes = escaped.hasSuffix("\\\"\"\"")
        let hasTrailingQuote = value.hasSuffix("\"") && !hasTrailingTripleQuotes
        let forceTrailingNewLine = hasTrailingQuote || value.hasSuffix("\\")
        let printAsMultipleLines = !isSingleLine || value.utf16.count > 70 || forceTrailingNewLine
            || forceLeadingNewLine || hasTrailingTripleQuotes
        let skipLeadingNewLine = isSingleLine && (value.first == " " || value.first == "\t")
        var result = "\"\"\""
        if (printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine { result += "\n" }
        result += escaped
        if printAsMultipleLines || forceTrailingNewLine { result += "\n" }
        return result + "\"\"\""
    }
}
