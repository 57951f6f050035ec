import APICore
import CRMStore
import Foundation
import GraphQLEngine
import HTTPTypes
import Hummingbird
import ParseREST

/// Parse's REST API over HTTP at the mount path (`/parse` by default): decodes both envelopes
/// Parse accepts into a ``RESTRequest`` and renders the ``RESTReply``.
///
/// - Headers and a query string: `X-Parse-*` headers (or HTTP Basic `appId:masterKey`,
///   `appId:javascript-key=<key>`), GET parameters in the query string, JSON bodies.
/// - The JavaScript SDK's form: every call a `POST` with a `text/plain` JSON body carrying
///   `_method`, `_ApplicationId`, `_JavaScriptKey`, `_SessionToken`, `_InstallationId`, ...
///   (so the browser sends no CORS preflight). The body is read as JSON whatever its content type.
///
/// Every reply, errors included, is JSON and passes through the CORS middleware, so a browser
/// on another origin can read it.
struct ParseRESTRoute: Sendable {
    let service: ParseRESTService
    let callers: CallerResolver
    let configuration: ServerConfiguration
    let throttle: AuthThrottle

    /// The first path segments of Parse's routes, registered one by one when the API is mounted
    /// at `/` so that `/graphql` and `/health` stay the gateway's own.
    static let rootSegments = [
        "classes", "users", "login", "logout", "verifyPassword", "requestPasswordReset", "sessions", "roles",
        "schemas", "batch", "serverInfo", "functions", "jobs", "push", "files", "installations", "config", "hooks",
        "aggregate", "purge", "events", "loginAs", "upgradeToRevocableSession", "verificationEmailRequest",
    ]

    func register(on router: Router<DealGraphRequestContext>) {
        let mount = configuration.parseMountPath
        let paths: [String] = mount.isEmpty
            ? Self.rootSegments.flatMap { [$0, $0 + "/**"] }
            : [mount, mount + "/**"]
        for path in paths {
            for method in [HTTPRequest.Method.get, .post, .put, .delete, .options] {
                router.on(RouterPath(path), method: method) { request, context in await handle(request, context: context) }
            }
        }
    }

    func handle(_ request: Request, context: DealGraphRequestContext) async -> Response {
        if request.method == .options { return Response(status: .ok, headers: [.contentLength: "0"]) }
        guard let method = RESTMethod(rawValue: request.method.rawValue) else {
            return reply(.error(ParseError(.invalidJSON, "Unsupported method.")))
        }
        let mount = configuration.parseMountPath
        let path = String(request.uri.path.dropFirst(mount.count))

        var body = Record(fields: [])
        if method != .get {
            let bytes: ByteBuffer
            do {
                bytes = try await RequestBody.read(request, limit: configuration.maxBodyBytes, mediaType: .json)
            } catch {
                return reply(RESTReply(status: 413, body: .object(Record(fields: [
                    ("code", .int(ParseErrorCode.invalidJSON.rawValue)),
                    ("error", .string("Request body is larger than the limit of \(configuration.maxBodyBytes) bytes")),
                ]))))
            }
            if bytes.readableBytes > 0 {
                guard case .object(let record)? = try? JSONReader.parse(bytes.readableBytesView, maxDepth: configuration.maxJSONDepth) else {
                    return reply(.error(ParseError(.invalidJSON, "Invalid JSON")))
                }
                body = record
            }
        }
        let envelope = Envelope(body)
        var restMethod = method
        if method == .post, let override = envelope.method {
            guard let overridden = RESTMethod(rawValue: override.uppercased()) else {
                return reply(.error(ParseError(.invalidJSON, "Invalid _method: \(override)")))
            }
            restMethod = overridden
        }
        let parameters = method == .get ? Self.queryParameters(request.uri.query) : envelope.parameters
        guard let parameters else { return reply(.error(ParseError(.invalidJSON, "Invalid query string."))) }

        var credentials = Credentials(headers: request.headers)
        envelope.fill(&credentials)
        BasicAuthorization(request.headers[.authorization])?.fill(&credentials)
        let restRequest = RESTRequest(method: restMethod, path: path.isEmpty ? "/" : path, parameters: parameters,
                                      installationId: credentials.installationId)
        if ParseRESTService.ignoresSessionToken(restRequest) { credentials.sessionToken = nil }

        let caller: Caller
        do {
            caller = try await callers.resolve(credentials)
        } catch {
            switch error {
            case .unauthorized: return reply(RESTReply(status: 403, body: .object(Record(fields: [("error", "unauthorized")]))))
            case .invalidSession(let error): return reply(.error(error))
            case .unavailable: return reply(.error(.databaseUnavailable))
            }
        }
        if let wait = throttle.refusal(service.authAttempts(restRequest),
                                       client: throttle.client(peer: context.peer, headers: request.headers),
                                       isMaster: caller.access.isMaster) {
            return AuthThrottle.response(retryAfter: wait)
        }
        return reply(await service.handle(restRequest, caller: caller), request: request)
    }

    private func reply(_ reply: RESTReply, request: Request? = nil) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
        if reply.status == 503 { headers[.retryAfter] = TransportError.retryAfter }
        if let location = reply.location, let request {
            let host = request.head.authority ?? "\(configuration.host):\(configuration.port)"
            headers[.location] = "http://\(host)\(configuration.parseMountPath)\(location)"
        }
        return Response(status: .init(code: reply.status), headers: headers,
                        body: .init(byteBuffer: ByteBuffer(bytes: reply.bytes)))
    }

    /// Query-string parameters, each JSON-parsed when it parses (Parse: `limit=10` is a number,
    /// `where={...}` an object, `order=-amount` stays a string).
    static func queryParameters(_ query: String?) -> Record? {
        guard let query, !query.isEmpty else { return Record(fields: []) }
        guard let pairs = FormURLEncoded.decode(query) else { return nil }
        return Record(fields: pairs.map { pair in
            (pair.name, (try? JSONReader.parse(pair.value.utf8, maxDepth: 64)) ?? .string(pair.value))
        })
    }
}

/// The JavaScript SDK's envelope: the `_`-keys of a body (Parse's `handleParseHeaders` reads
/// them when the headers lack them) and the parameters without them.
struct Envelope {
    var method: String?
    var applicationId: String?
    var clientKeys: [String] = []
    var masterKey: String?
    var sessionToken: String?
    var installationId: String?
    var parameters: Record

    static let keys: Set<String> = [
        "_method", "_ApplicationId", "_JavaScriptKey", "_ClientKey", "_RESTAPIKey", "_MasterKey", "_SessionToken",
        "_InstallationId", "_ClientVersion", "_context", "_RevocableSession", "_ContentType",
    ]

    init(_ body: Record) {
        var rest: [(String, GraphQLValue)] = []
        for (name, value) in body.fields {
            guard Self.keys.contains(name) else {
                rest.append((name, value))
                continue
            }
            let text = value.stringValue
            switch name {
            case "_method": method = text
            case "_ApplicationId": applicationId = text
            case "_JavaScriptKey", "_ClientKey", "_RESTAPIKey": if let text { clientKeys.append(text) }
            case "_MasterKey": masterKey = text
            case "_SessionToken": sessionToken = text
            case "_InstallationId": installationId = text
            default: break
            }
        }
        parameters = rest.count == body.shape.count ? body : Record(fields: rest)
    }

    /// Fills what the headers did not say.
    func fill(_ credentials: inout Credentials) {
        if credentials.applicationId == nil { credentials.applicationId = applicationId }
        if credentials.clientKeys.isEmpty { credentials.clientKeys = clientKeys }
        if credentials.masterKey == nil { credentials.masterKey = masterKey }
        if credentials.sessionToken == nil { credentials.sessionToken = sessionToken }
        if credentials.installationId == nil { credentials.installationId = installationId }
    }
}

/// HTTP Basic credentials in Parse's form: `appId:masterKey` or `appId:javascript-key=<key>`.
struct BasicAuthorization {
    let applicationId: String
    let masterKey: String?
    let javascriptKey: String?

    init?(_ header: String?) {
        guard let header, header.lowercased().hasPrefix("basic "),
              let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
              let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":") else { return nil }
        applicationId = String(text[..<colon])
        let secret = String(text[text.index(after: colon)...])
        if secret.hasPrefix("javascript-key=") {
            javascriptKey = String(secret.dropFirst("javascript-key=".count))
            masterKey = nil
        } else {
            masterKey = secret
            javascriptKey = nil
        }
    }

    func fill(_ credentials: inout Credentials) {
        if credentials.applicationId == nil { credentials.applicationId = applicationId }
        if credentials.masterKey == nil { credentials.masterKey = masterKey }
        if let javascriptKey, credentials.clientKeys.isEmpty { credentials.clientKeys = [javascriptKey] }
    }
}
