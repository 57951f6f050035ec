import Foundation
import Testing
@testable import GraphQLEngine

/// Runs `body` on a new thread with a 512 KiB stack (the size of a secondary thread on Darwin)
/// or `stackSize` bytes, and returns its result.
private func onSmallStack<T: Sendable>(
    stackSize: Int = 512 * 1024, _ body: @escaping @Sendable () -> T
) async -> T {
    await withCheckedContinuation { continuation in
        let thread = Thread {
            continuation.resume(returning: body())
        }
        thread.stackSize = stackSize
        thread.start()
    }
}

/// Selection sets nested `depth` deep: `{a{a{...}}}`.
private func nestedSelections(_ depth: Int) -> String {
    String(repeating: "{a", count: depth) + String(repeating: "}", count: depth)
}

@Test func tokenLimitStopsParsing() {
    let text = "{ " + String(repeating: "a ", count: 99) + "}"  // 101 tokens
    #expect(parseError(text, options: ParseOptions(maxTokens: 101)) == nil)
    let error = parseError(text, options: ParseOptions(maxTokens: 100))
    #expect(error?.message == "Syntax Error: Document contains more than 100 tokens. Parsing aborted.")
    #expect(error?.locations == [SourceLocation(line: 1, column: 201)])
}

@Test func depthLimitCoversSelectionsValuesAndTypes() {
    let options = ParseOptions(maxDepth: 3)
    #expect(parseError("{a{a{a}}}", options: options) == nil)
    #expect(parseError("{a{a{a{a}}}}", options: options)?.message
        == "Syntax Error: Document nesting exceeds the maximum depth of 3.")
    #expect(parseError("{a(x: [[1]])}", options: options) == nil)
    #expect(parseError("{a(x: [[[1]]])}", options: options)?.locations == [SourceLocation(line: 1, column: 10)])
    #expect(parseError("{a(x: {b: {c: 1}})}", options: options) == nil)
    #expect(parseError("{a(x: {b: {c: {d: 1}}})}", options: options) != nil)
    #expect(parseError("query($v: [[[Int]]]) {a}", options: options) == nil)
    #expect(parseError("query($v: [[[[Int]]]]) {a}", options: options) != nil)
    #expect(parseError("type T { f: [[[Int]]] }", options: options) == nil)
    #expect(parseError("type T { f(a: [[[[Int]]]]): Int }", options: options) != nil)
}

/// A megabyte of opening brackets is a clear error, not a stack overflow or a long wait.
@Test(arguments: [
    ("", "{", #"Syntax Error: Expected Name, found "{"."#),
    ("", "{a", "Syntax Error: Document nesting exceeds the maximum depth of 256."),
    ("{", "...{", "Syntax Error: Document nesting exceeds the maximum depth of 256."),
    ("{ f(x: ", "[", "Syntax Error: Document nesting exceeds the maximum depth of 256."),
    ("{ f(x: ", "{a:", "Syntax Error: Document nesting exceeds the maximum depth of 256."),
    ("query($v: ", "[", "Syntax Error: Document nesting exceeds the maximum depth of 256."),
    ("type T { f: ", "[", "Syntax Error: Document nesting exceeds the maximum depth of 256."),
])
func megabyteOfNestingIsRejected(prefix: String, unit: String, message: String) async {
    let text = prefix + String(repeating: unit, count: 1_000_000 / unit.utf8.count)
    let error = await onSmallStack { parseError(text) }
    #expect(error?.message == message)
}

@Test func megabyteOfTokensIsRejected() {
    let text = "{" + String(repeating: "a ", count: 500_000) + "}"
    #expect(parseError(text)?.message == "Syntax Error: Document contains more than 100000 tokens. Parsing aborted.")
}

/// The deepest document the defaults allow parses on a small stack, also in debug builds.
@Test func maximumDepthFitsOnSecondaryThreadStack() async {
    let deepest = [
        nestedSelections(256),
        String(repeating: "{... on T ", count: 255) + "{a}" + String(repeating: "}", count: 255),
        "{ f(x: " + String(repeating: "[", count: 255) + String(repeating: "]", count: 255) + ") }",
        "{ f(x: " + String(repeating: "{a: ", count: 255) + "1" + String(repeating: "}", count: 255) + ") }",
        "query($v: " + String(repeating: "[", count: 256) + "Int" + String(repeating: "]", count: 256) + ") { a }",
    ]
    for text in deepest {
        let error = await onSmallStack { parseError(text) }
        #expect(error == nil, "\(error?.message ?? "")")
    }
    // Printing and comparing whole trees recurse more deeply per level than parsing (and
    // destroying, which `parseError` covers); in debug builds they need a larger stack.
    let printed = await onSmallStack(stackSize: 8 << 20) { () -> String? in
        guard let document = try? parse(nestedSelections(256)) else { return nil }
        #expect((try? parse(print(document))) == document)
        return print(document)
    }
    #expect(printed?.hasPrefix("{\n  a {\n    a {") == true)
}
