/// What a request presents about itself, as a transport read it (HTTP headers, a WebSocket
/// connection payload): Parse's keys and the session token. Nothing here is trusted until
/// ``CallerResolver`` has checked it.
public struct Credentials: Sendable, Hashable {
    /// `X-Parse-Application-Id`.
    public var applicationId: String?
    /// `X-Parse-Session-Token`; empty counts as none, as in Parse.
    public var sessionToken: String?
    /// `X-Parse-Master-Key`; empty counts as none.
    public var masterKey: String?
    /// Every client key sent (`X-Parse-Client-Key`, `X-Parse-Javascript-Key`,
    /// `X-Parse-REST-API-Key`); one matching the configured key is enough.
    public var clientKeys: [String]
    /// `X-Parse-Installation-Id`.
    public var installationId: String?

    public init(applicationId: String? = nil, sessionToken: String? = nil, masterKey: String? = nil,
                clientKeys: [String] = [], installationId: String? = nil) {
        self.applicationId = applicationId
        self.sessionToken = sessionToken
        self.masterKey = masterKey
        self.clientKeys = clientKeys
        self.installationId = installationId
    }
}

/// The keys a deployment is configured with (Parse Server's `appId`, `clientKey`, `masterKey`).
public struct APIKeys: Sendable {
    /// When set, every request must carry this application id.
    public var applicationId: String?
    /// When set, requests without the master key must carry this client key.
    public var clientKey: String?
    /// The master key; there is no default value (docs/SECURITY.md "Master key").
    public var masterKey: String

    public init(masterKey: String, applicationId: String? = nil, clientKey: String? = nil) {
        self.masterKey = masterKey
        self.applicationId = applicationId
        self.clientKey = clientKey
    }
}
