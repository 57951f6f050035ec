import Testing
@testable import GraphQLEngine

@Test func moduleLinks() { #expect(Bool(true)) }
