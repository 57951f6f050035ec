import Testing
@testable import CRMStore

@Test func moduleLinks() { #expect(Bool(true)) }
