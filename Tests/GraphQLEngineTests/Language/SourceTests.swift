import Testing
@testable import GraphQLEngine

@Test func sourceLocationsCountLinesLikeGraphQLJS() {
    let source = Source("a\nb\r\nc\rd\n\ne")
    let offsets = [0, 2, 5, 7, 9, 10]
    #expect(offsets.map { source.location(of: $0) } == [
        SourceLocation(line: 1, column: 1), SourceLocation(line: 2, column: 1), SourceLocation(line: 3, column: 1),
        SourceLocation(line: 4, column: 1), SourceLocation(line: 5, column: 1), SourceLocation(line: 6, column: 1),
    ])
    // Offsets past the end clamp to the end.
    #expect(source.location(of: 1_000) == SourceLocation(line: 6, column: 2))
}

@Test func columnsCountUTF16CodeUnits() {
    // "é" is 2 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 units.
    let source = Source("é😀x")
    #expect(source.location(of: 2) == SourceLocation(line: 1, column: 2))
    #expect(source.location(of: 6) == SourceLocation(line: 1, column: 4))
}

@Test func locationsDoNotTakePartInEquality() {
    let name = NameNode(value: "a", loc: Location(start: 3, end: 4))
    #expect(name == NameNode(value: "a", loc: .none))
    #expect(name.loc.start == 3 && name.loc.end == 4)
    #expect(name != NameNode(value: "b", loc: Location(start: 3, end: 4)))
    #expect(Set([name, NameNode(value: "a", loc: .none)]).count == 1)
}

/// The line and column of `offset` by a plain scan from the start, as `location(of:)` once did.
private func scannedLocation(_ text: String, _ offset: Int) -> GraphQLEngine.SourceLocation {
    let bytes = Array(text.utf8)
    var line = 1
    var lineStart = 0
    var index = 0
    while index < offset {
        let byte = bytes[index]
        index += 1
        if byte == 0x0A || byte == 0x0D {
            if byte == 0x0D && index < bytes.count && bytes[index] == 0x0A { index += 1 }
            line += 1
            lineStart = index
        }
    }
    var column = 1
    for byte in bytes[lineStart..<offset] where byte & 0xC0 != 0x80 { column += byte >= 0xF0 ? 2 : 1 }
    return SourceLocation(line: line, column: column)
}

@Test func lineTableAgreesWithAScanAtEveryCharacter() {
    // Long lines cross the table's 64-byte UTF-16 marks; CR, LF and CRLF all end lines.
    let line = "ab é 😀 " + String(repeating: "x😀é", count: 30)
    let text = line + "\r\n" + line + "\r" + line + "\n\n" + line + "\r\n" + "😀"
    let source = Source(text)
    let bytes = Array(text.utf8)
    // Every offset at which a character starts, but the LF of a CRLF, which is inside a line terminator.
    let offsets = bytes.indices.filter { index in
        bytes[index] & 0xC0 != 0x80 && !(bytes[index] == 0x0A && index > 0 && bytes[index - 1] == 0x0D)
    } + [bytes.count]
    for offset in offsets {
        #expect(source.location(of: offset) == scannedLocation(text, offset), "offset \(offset)")
    }
    #expect(Source(String(repeating: "é", count: 32)).location(of: 64) == SourceLocation(line: 1, column: 33))
    #expect(Source("").location(of: 0) == SourceLocation(line: 1, column: 1))
}

/// Thousands of validation errors, each resolving its location, on lines ended by CRLF, CR and
/// LF, some with astral-plane characters before the field. Resolving every location by
/// scanning from the start was quadratic in the document size.
@Test(.timeLimit(.minutes(1)))
func thousandsOfErrorLocationsAreExact() throws {
    let terminators = ["\r\n", "\r", "\n"]
    var text = "fragment F on Dog {\r\n"
    let count = 6_000
    for index in 0..<count {
        // A string argument of a directive can hold any character; only fields are validated.
        let field = index % 7 == 0 ? "  x\(index) @skip(if: \"😀é\") y\(index)" : "  x\(index)"
        text += field + terminators[index % 3]
    }
    text += "}\n"
    let document = try parse(text)
    let errors = validate(
        schema: ValidationTestSchema.shared, document: document, rules: [.fieldsOnCorrectType],
        options: ValidationOptions(maxErrors: 100_000))
    #expect(errors.count == count + count / 7 + 1)
    let located = Dictionary(errors.compactMap { error -> (String, GraphQLEngine.SourceLocation)? in
        guard let name = error.message.split(separator: "\"").dropFirst().first, let place = error.locations.first else {
            return nil
        }
        return (String(name), place)
    }, uniquingKeysWith: { first, _ in first })
    #expect(located["x0"] == SourceLocation(line: 2, column: 3))
    #expect(located["x1"] == SourceLocation(line: 3, column: 3))  // after CRLF, then a lone CR
    #expect(located["x2"] == SourceLocation(line: 4, column: 3))
    // `  x7 @skip(if: "` is 16 units, then 😀 counts 2, é 1, and `") ` 3: y7 starts at column 23.
    #expect(located["x7"] == SourceLocation(line: 9, column: 3))
    #expect(located["y7"] == SourceLocation(line: 9, column: 23))
    #expect(located["y5999"] == SourceLocation(line: 6_001, column: 26))
    #expect(located["x5998"] == SourceLocation(line: 6_000, column: 3))
}
