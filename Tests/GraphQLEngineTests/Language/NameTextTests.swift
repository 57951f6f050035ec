import Testing
@testable import GraphQLEngine

/// A name of `length` characters drawn from every NameContinue class.
private func name(length: Int) -> String {
    let alphabet = Array("_aZ9bY8cX7dW6eV5fU4gT3hS2iR1jQ0kPlOmNnMoLpKqJrIsHtGuFvEwDxCyBzA")
    return String((0..<length).map { alphabet[$0 % alphabet.count] })
}

@Test func smallStringLayoutIsRecognized() {
    // The fast path for names depends on it; on 64-bit little-endian Swift it holds.
    #expect(SmallASCIIString.isSupported)
}

/// Names of every length, in the middle of a document and as its very last bytes (where fewer
/// than 16 bytes remain to be read), come back exactly, as do numbers and enum values.
@Test(arguments: 1...40)
func namesOfEveryLengthKeepTheirText(length: Int) throws {
    let text = name(length: length)
    let document = try parse("{ \(text)(x: \(text)) \(text): b }")
    guard case .operation(let operation) = document.definitions.first,
          case .field(let first) = operation.selectionSet.selections.first,
          case .field(let second) = operation.selectionSet.selections.last else {
        Issue.record("unexpected document \(document)")
        return
    }
    #expect(first.name.value == text)
    #expect(first.name.value.utf8.count == length)
    #expect(first.arguments.first?.value == .enumValue(text, .none))
    #expect(second.alias?.value == text && second.name.value == "b")
    #expect(try parseType(Source(text)) == .named(NamedTypeNode(name: NameNode(value: text, loc: .none))))
    #expect(try parseValue(Source(text)) == .enumValue(text, .none))
    let digits = String(repeating: "7", count: length)
    #expect(try parseValue(Source(digits)) == .int(digits, .none))
    #expect(try parseValue(Source("-\(digits).5e-\(digits)")) == .float("-\(digits).5e-\(digits)", .none))
}
