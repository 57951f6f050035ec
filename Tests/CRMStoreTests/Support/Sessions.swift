import CRMStore
import DealGraphTesting

extension TestGateway {
    /// Re-resolves a user's session (picks up role changes).
    func refreshed(_ user: User) async throws -> AccessContext {
        try await store.resolveSession(token: user.token)
    }
}
