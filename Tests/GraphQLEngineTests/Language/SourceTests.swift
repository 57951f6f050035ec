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
