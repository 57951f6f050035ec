import CRMStore

/// Turns what a request presents into a ``Caller``, in Parse Server's order (`handleParseHeaders`):
/// the application id, the master key, the client key, then the session token. Every transport
/// (GraphQL over HTTP, REST, WebSocket) calls this one resolver.
///
/// Two steps, so that a transport can refuse bad keys before it reads a body:
/// ``authenticate(_:)`` checks the keys (no I/O) and ``resolve(_:)`` looks the session up in
/// the store (cached briefly there).
public struct CallerResolver: Sendable {
    public let keys: APIKeys
    let store: CRMStore

    public init(keys: APIKeys, store: CRMStore) {
        self.keys = keys
        self.store = store
    }

    /// Checks the keys: a missing or wrong application id, a wrong master key, or (without the
    /// master key) a missing or wrong client key is ``CallerRejection/unauthorized``. Keys are
    /// compared in constant time.
    ///
    /// A master key that does not match is refused. Parse ignores it; refusing is stricter, so a
    /// misconfigured admin tool fails loudly instead of running as anonymous.
    public func authenticate(_ credentials: Credentials) throws(CallerRejection) -> Identity {
        if let expected = keys.applicationId {
            guard let sent = credentials.applicationId, ConstantTime.equal(sent, expected) else { throw .unauthorized }
        }
        let token = credentials.sessionToken.flatMap { $0.isEmpty ? nil : $0 }
        if let key = credentials.masterKey, !key.isEmpty {
            guard ConstantTime.equal(key, keys.masterKey) else { throw .unauthorized }
            return Identity(isMaster: true, sessionToken: token, installationId: credentials.installationId)
        }
        if let expected = keys.clientKey {
            guard credentials.clientKeys.contains(where: { ConstantTime.equal($0, expected) }) else { throw .unauthorized }
        }
        return Identity(isMaster: false, sessionToken: token, installationId: credentials.installationId)
    }

    /// The caller of checked keys: master, the user of a live session (with their role closure),
    /// or anonymous without a token. An unknown, malformed, revoked or expired token is
    /// ``CallerRejection/invalidSession(_:)`` (209); a failed lookup is
    /// ``CallerRejection/unavailable``.
    public func resolve(_ identity: Identity) async throws(CallerRejection) -> Caller {
        if identity.isMaster { return Caller(access: .master, sessionToken: identity.sessionToken) }
        do {
            let access = try await store.resolveSession(token: identity.sessionToken)
            return Caller(access: access, sessionToken: identity.sessionToken)
        } catch where error.code == .invalidSessionToken {
            throw .invalidSession(ParseError(error))
        } catch {
            // Not the client's fault: mapping the error logs its detail; the client learns only that
            // the lookup failed.
            _ = ParseError(error)
            throw .unavailable
        }
    }

    /// Both steps at once, for transports that have nothing to read in between.
    public func resolve(_ credentials: Credentials) async throws(CallerRejection) -> Caller {
        try await resolve(try authenticate(credentials))
    }
}

/// A request whose keys were checked: who it says it is, before the session is looked up.
public struct Identity: Sendable, Hashable {
    /// The master key matched.
    public var isMaster: Bool
    /// The session token, when one was sent.
    public var sessionToken: String?
    /// The installation id, when one was sent.
    public var installationId: String?

    public init(isMaster: Bool, sessionToken: String?, installationId: String? = nil) {
        self.isMaster = isMaster
        self.sessionToken = sessionToken
        self.installationId = installationId
    }
}

/// Why a request got no caller.
public enum CallerRejection: Error, Sendable, Equatable {
    /// A key is missing or wrong: HTTP 403 `{"error":"unauthorized"}` as Parse answers.
    case unauthorized
    /// The session token names no live session: Parse code 209 ("Invalid session token" or
    /// "Session token is expired.").
    case invalidSession(ParseError)
    /// The session could not be looked up (the database failed); the detail went to the log.
    case unavailable
}

extension ParseError {
    /// What a transport without HTTP statuses (the WebSocket protocols) answers a request without
    /// a caller: 119 "unauthorized" for keys, the 209 of the session token, or 1 when the session
    /// could not be looked up.
    public init(_ rejection: CallerRejection) {
        switch rejection {
        case .unauthorized: self = ParseError(.operationForbidden, "unauthorized")
        case .invalidSession(let error): self = error
        case .unavailable: self = .databaseUnavailable
        }
    }
}
