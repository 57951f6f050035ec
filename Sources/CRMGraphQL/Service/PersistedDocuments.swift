import APICore
import CRMStore
import GraphQLEngine
import Synchronization

/// Apollo's persisted queries: a request may carry `extensions.persistedQuery` =
/// `{"version":1,"sha256Hash":"<hex>"}` instead of (or beside) its text.
///
/// - Automatic (Apollo's APQ): a hash this gateway knows runs its text; an unknown hash is
///   answered `PersistedQueryNotFound` (HTTP 200, code `PERSISTED_QUERY_NOT_FOUND`) and the
///   client sends hash and text, which is checked (`provided sha does not match query`) and
///   remembered.
/// - Allow-list: only registered documents run (from the folder given at start, or registered
///   by the master key with the `registerDocument` mutation, kept in the database for every
///   gateway); any other text or hash is refused with `PERSISTED_QUERY_NOT_ALLOWED`. The master
///   key runs anything, so admin tools keep working.
public final class PersistedDocuments: Sendable {
    public enum Mode: String, Sendable, CaseIterable {
        /// Any document runs; hashes are remembered as clients send them.
        case automatic
        /// Only registered documents run (except for the master key).
        case allowList = "allow-list"
    }

    let mode: Mode
    private let store: CRMStore
    /// Registered documents seen so far (from the folder, or found in the database).
    private let registered: Mutex<[String: String]>
    /// Texts clients sent with their hash (automatic mode), the oldest forgotten first.
    private let remembered: Mutex<Remembered>

    struct Remembered {
        var texts: [String: String] = [:]
        var order: [String] = []
        var next = 0
        let capacity: Int

        mutating func insert(_ hash: String, _ text: String) {
            guard texts[hash] == nil, capacity > 0 else { return }
            if order.count < capacity {
                order.append(hash)
            } else {
                texts[order[next]] = nil
                order[next] = hash
                next = (next + 1) % capacity
            }
            texts[hash] = text
        }
    }

    init(configuration: APIConfiguration, store: CRMStore) {
        mode = configuration.documents
        self.store = store
        var registered: [String: String] = [:]
        for text in configuration.registeredDocuments { registered[CRMStore.documentHash(text)] = text }
        self.registered = Mutex(registered)
        remembered = Mutex(Remembered(capacity: configuration.automaticDocumentCapacity))
    }

    /// The request with the text it runs and no hash left, or the answer when it must not run.
    func resolve(_ request: GraphQLRequest, isMaster: Bool) async -> Result<GraphQLRequest, Refused> {
        let allowAll = mode == .automatic || isMaster
        guard let hash = request.persistedHash?.lowercased() else {
            if allowAll { return .success(request) }
            return await registeredText(CRMStore.documentHash(request.query)) != nil ? .success(request) : .failure(.notAllowed)
        }
        var resolved = request
        resolved.persistedHash = nil
        if request.query.isEmpty {
            var text = remembered.withLock { $0.texts[hash] }
            if text == nil { text = await registeredText(hash) }
            if let text {
                resolved.query = text
                return .success(resolved)
            }
            return .failure(allowAll ? .notFound : .notAllowed)
        }
        guard CRMStore.documentHash(request.query) == hash else { return .failure(.hashMismatch) }
        if await registeredText(hash) != nil { return .success(resolved) }
        guard allowAll else { return .failure(.notAllowed) }
        remembered.withLock { $0.insert(hash, request.query) }
        return .success(resolved)
    }

    private func registeredText(_ hash: String) async -> String? {
        if let known = registered.withLock({ $0[hash] }) { return known }
        // A database that cannot be read registers nothing: the request is refused, not run.
        guard let text = try? await store.registeredDocument(hash: hash) else { return nil }
        registered.withLock { $0[hash] = text }
        return text
    }

    /// Why a request did not run, in Apollo's words.
    enum Refused: Error {
        case notFound, hashMismatch, notAllowed

        var outcome: GraphQLOutcome {
            switch self {
            case .notFound:
                // Apollo answers 200 so the client's persisted-query link retries with the text.
                .executed(body: Self.body("PersistedQueryNotFound", code: "PERSISTED_QUERY_NOT_FOUND"))
            case .hashMismatch:
                .requestError(body: Self.body("provided sha does not match query", code: "BAD_REQUEST"))
            case .notAllowed:
                .requestError(body: Self.body("This document is not on the allow-list of persisted queries.",
                                              code: "PERSISTED_QUERY_NOT_ALLOWED"))
            }
        }

        private static func body(_ message: String, code: String) -> [UInt8] {
            var error = GraphQLError(message)
            error.extensions.append(ErrorExtension("code", .string(code)))
            return GraphQLResponse(requestErrors: [error]).json
        }
    }
}

/// A document that must not run, with the answer to give.
public struct DocumentRefused: Error {
    public let outcome: GraphQLOutcome
}
