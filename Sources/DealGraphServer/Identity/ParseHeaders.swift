import APICore
import HTTPTypes
import Hummingbird

/// The Parse headers every endpoint reads (Parse Server's `handleParseHeaders`).
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

extension Credentials {
    /// What Parse's headers say (Parse Server's `handleParseHeaders`); ``CallerResolver`` checks it.
    init(headers: HTTPFields) {
        self.init(
            applicationId: headers[ParseHeader.applicationId],
            sessionToken: headers[ParseHeader.sessionToken],
            masterKey: headers[ParseHeader.masterKey],
            clientKeys: [ParseHeader.clientKey, ParseHeader.javascriptKey, ParseHeader.restAPIKey].compactMap { headers[$0] },
            installationId: headers[ParseHeader.installationId])
    }
}

extension TransportError {
    /// Parse's answer to a request without a caller: 403 for keys, 400 with code 209 for the
    /// session token, 503 (code 100, `Retry-After`) when the session could not be looked up.
    init(_ rejection: CallerRejection) {
        switch rejection {
        case .unauthorized: self = .unauthorized
        case .invalidSession(let error): self = .invalidSession(error.message)
        case .unavailable: self = .unavailable
        }
    }
}
