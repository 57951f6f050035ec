import Testing
@testable import DealGraphServer

@Test func moduleLinks() { #expect(Bool(true)) }
