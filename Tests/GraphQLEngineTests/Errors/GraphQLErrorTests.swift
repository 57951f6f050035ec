import Testing
@testable import GraphQLEngine

@Test func errorResolvesNodeLocationsInItsSource() {
    let source = Source("query {\n  deal {\n    missing\n  }\n}")
    let error = GraphQLError(
        "Cannot query field \"missing\" on type \"Deal\".", at: [Location(start: 21, end: 28)], in: source,
        path: [.key("deal"), .index(0)], extensions: [ErrorExtension("code", .string("GRAPHQL_VALIDATION_FAILED"))])
    #expect(error.locations == [SourceLocation(line: 3, column: 5)])
    #expect(error.path.map(\.description) == ["deal", "0"])
    #expect(error.description == "Cannot query field \"missing\" on type \"Deal\". (3:5)")
    #expect(error.extensions == [ErrorExtension("code", .string("GRAPHQL_VALIDATION_FAILED"))])
}

@Test func syntaxErrorsCarryOneLocationAndNoPath() throws {
    do {
        _ = try parse("{\n  a(x: 1,\n}")
        Issue.record("parsed an invalid document")
    } catch {
        #expect(error == GraphQLError("Syntax Error: Expected Name, found \"}\".", locations: [SourceLocation(line: 3, column: 1)]))
        #expect(error.description == "Syntax Error: Expected Name, found \"}\". (3:1)")
    }
}
