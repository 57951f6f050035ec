import CRMGraphQL
import CRMStore

/// The real backend: sessions resolved by CRMStore, operations run by CRMGraphQLService.
public struct CRMBackend: GraphQLBackend {
    public let store: CRMStore
    public let service: CRMGraphQLService

    public init(store: CRMStore, service: CRMGraphQLService) {
        self.store = store
        self.service = service
    }

    public func caller(sessionToken: String?, isMaster: Bool) async throws(SessionRejected) -> RequestCredentials {
        if isMaster { return RequestCredentials(access: .master, sessionToken: sessionToken) }
        do {
            let access = try await store.resolveSession(token: sessionToken)
            return RequestCredentials(access: access, sessionToken: sessionToken)
        } catch {
            if error.code == .invalidSessionToken {
                throw SessionRejected(message: error.message)
            }
            throw SessionRejected(message: "Internal server error", isInternal: true)
        }
    }

    public func execute(_ request: GraphQLHTTPRequest, caller: RequestCredentials, allowMutations: Bool) async -> GraphQLHTTPOutcome {
        let outcome = await service.execute(
            GraphQLRequest(query: request.query, variables: request.variables, operationName: request.operationName),
            credentials: caller, allowMutations: allowMutations)
        switch outcome {
        case .executed(let body): return .executed(body: body)
        case .requestError(let body): return .requestError(body: body)
        case .methodNotAllowed(let body): return .methodNotAllowed(body: body)
        }
    }
}
