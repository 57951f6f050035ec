import ServiceLifecycle
import Synchronization

/// Whether this gateway should be sent new requests: false from the moment its shutdown
/// begins. A load balancer polling `/health/ready` stops routing here while requests in flight
/// still finish.
public final class Readiness: Sendable {
    private let draining = Atomic<Bool>(false)

    public init() {}

    public var isDraining: Bool { draining.load(ordering: .relaxed) }

    func beginDraining() { draining.store(true, ordering: .relaxed) }
}

/// The first service to hear of a graceful shutdown (services stop in reverse order, and this
/// one is listed after the HTTP server): it marks the gateway not ready, then waits `delay` so
/// that load balancers see it before the server stops accepting connections.
struct DrainGate: Service {
    let readiness: Readiness
    let delay: Duration

    func run() async throws {
        try? await gracefulShutdown()
        readiness.beginDraining()
        if delay > .zero { try? await Task.sleep(for: delay) }
    }
}
