import Dispatch
import HummingbirdBcrypt

/// bcrypt hashing and verification, run on a dedicated dispatch queue: never on the Swift
/// cooperative pool or a NIO event loop (a cost-10 hash takes tens of milliseconds).
struct PasswordHasher: Sendable {
    let cost: UInt8
    private let queue = DispatchQueue(label: "dealgraph.bcrypt", qos: .userInitiated, attributes: .concurrent)
    /// Verified against when the user does not exist, so an unknown user costs the same time as a
    /// wrong password (no user enumeration by timing).
    private let dummyHash: String

    init(cost: UInt8) {
        self.cost = cost
        self.dummyHash = Bcrypt.hash("dealgraph-dummy-password", cost: cost)
    }

    func hash(_ password: String) async -> String {
        await run { Bcrypt.hash(password, cost: cost) }
    }

    /// Verifies `password` against `hash`, or against the dummy hash when there is none (the
    /// answer is then always false, after the same work).
    func verify(_ password: String, hash: String?) async -> Bool {
        let stored = hash ?? dummyHash
        let matches = await run { Bcrypt.verify(password, hash: stored) }
        return matches && hash != nil
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
