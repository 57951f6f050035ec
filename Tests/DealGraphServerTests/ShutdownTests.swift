import Hummingbird
import HummingbirdTesting
import Testing
@testable import DealGraphServer

@Suite("Graceful shutdown")
struct ShutdownTests {
    @Test("a request in flight finishes; afterwards new connections are refused")
    func inFlightFinishes() async throws {
        let server = try await TestServer.start(backend: TransportBackend())
        async let slow = server.post(#"{"query":"{ slow }"}"#)
        try await Task.sleep(for: .milliseconds(150))
        try await server.stop()
        let response = try await slow
        #expect(response.status == .ok)
        await #expect(throws: (any Error).self) { try await server.send(.get, "/health") }
    }
}
