import Testing
@testable import PostgresClient

@Test func moduleLinks() { #expect(Bool(true)) }
