import HTTPTypes
import Hummingbird

/// The Parse headers the GraphQL endpoint reads (Parse Server's `handleParseHeaders`).
enum ParseHeader {
    static let applicationId = HTTPField.Name("X-Parse-Application-Id")!
    static let sessionToken = HTTPField.Name("X-Parse-Session-Token")!
    static let masterKey = HTTPField.Name("X-Parse-Master-Key")!
    static let clientKey = HTTPField.Name("X-Parse-Client-Key")!
    static let javascriptKey = HTTPField.Name("X-Parse-Javascript-Key")!
    static let restAPIKey = HTTPField.Name("X-Parse-REST-API-Key")!
    static let installationId = HTTPField.Name("X-Parse-Installation-Id")!
    static let clientVersion = HTTPField.Name("X-Parse-Client-Version")!

    /// The headers a browser frontend may send (CORS preflight).
    static let allowedByCORS: [HTTPField.Name] = [
        .accept, .authorization, .contentType, .origin, HTTPField.Name("X-Requested-With")!,
        applicationId, sessionToken, masterKey, clientKey, javascriptKey, restAPIKey, installationId, clientVersion,
    ]
}

/// Who a request says it is, checked against the configuration: the first step of every
/// GraphQL request, before its body is read.
struct ParseIdentity: Equatable {
    /// The master key matched.
    var isMaster: Bool
    /// The session token, when one was sent (empty counts as none, as in Parse).
    var sessionToken: String?

    /// Checks the application id, the master key and the client key, in Parse's order.
    /// A master key that does not match is refused (Parse ignores it; we are stricter, so a
    /// misconfigured admin tool fails loudly instead of running as anonymous).
    static func check(_ headers: HTTPFields, configuration: ServerConfiguration) throws(TransportError) -> ParseIdentity {
        if let expected = configuration.applicationId {
            guard let sent = headers[ParseHeader.applicationId], ConstantTime.equal(sent, expected) else {
                throw .unauthorized
            }
        }
        let token = headers[ParseHeader.sessionToken].flatMap { $0.isEmpty ? nil : $0 }
        if let key = headers[ParseHeader.masterKey], !key.isEmpty {
            guard ConstantTime.equal(key, configuration.masterKey) else { throw .unauthorized }
            return ParseIdentity(isMaster: true, sessionToken: token)
        }
        if let expected = configuration.clientKey {
            let sent = [ParseHeader.clientKey, ParseHeader.javascriptKey, ParseHeader.restAPIKey].compactMap { headers[$0] }
            guard sent.contains(where: { ConstantTime.equal($0, expected) }) else { throw .unauthorized }
        }
        return ParseIdentity(isMaster: false, sessionToken: token)
    }
}
