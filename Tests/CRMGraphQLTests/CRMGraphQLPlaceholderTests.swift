import Testing
@testable import CRMGraphQL

@Test func moduleLinks() { #expect(Bool(true)) }
