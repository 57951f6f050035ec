import Hummingbird
import HummingbirdTesting
import Testing
@testable import DealGraphServer

@Suite("Graceful shutdown")
struct ShutdownTests {
    @Test("a request in flight finishes; afterwards new connections are refused")
    func inFlightFinishes() async throws {
        let backend = TransportBackend()
        let server = try await TestServer.start(backend: backend)
        async let slow = server.post(#"{"query":"{ slow }"}"#)
        // Stop only once the request is in the backend, however loaded the machine is.
        let deadline = ContinuousClock.now + .seconds(20)
        while backend.slowStarted.count == 0 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(backend.slowStarted.count == 1)
        try await server.stop()
        let response = try await slow
        #expect(response.status == .ok)
        await #expect(throws: (any Error).self) { try await server.send(.get, "/health") }
    }
}
