import APICore
import CRMGraphQL
import Hummingbird

/// `/graphql` per the GraphQL-over-HTTP specification: POST with a JSON body, GET with a query
/// string (queries only), the response media type by Accept, Parse's keys checked before the
/// body is read and the session resolved before GraphQL runs.
struct GraphQLRoute: Sendable {
    let service: CRMGraphQLService
    let callers: CallerResolver
    let configuration: ServerConfiguration
    let decoder: GraphQLRequestDecoder
    let throttle: AuthThrottle
    /// Where the playground page comes from (a browser's GET).
    let pages: WebApp

    init(service: CRMGraphQLService, callers: CallerResolver, configuration: ServerConfiguration, pages: WebApp,
         throttle: AuthThrottle) {
        self.throttle = throttle
        self.service = service
        self.pages = pages
        self.callers = callers
        self.configuration = configuration
        self.decoder = GraphQLRequestDecoder(maxJSONDepth: configuration.maxJSONDepth)
    }

    func register(on router: Router<DealGraphRequestContext>, path: RouterPath = "graphql") {
        router.post(path) { request, context in try await post(request, context: context) }
        router.get(path) { request, context in try await get(request, context: context) }
    }

    func post(_ request: Request, context: DealGraphRequestContext) async throws -> Response {
        let mediaType = try negotiate(request, offered: [.graphQLResponse, .json])
        let identity = try authenticate(request)
        try RequestBody.checkContentType(request.headers[.contentType], mediaType: mediaType)
        let body = try await RequestBody.read(request, limit: configuration.maxBodyBytes, mediaType: mediaType)
        let decoded: GraphQLRequest
        do {
            decoded = try decoder.decode(body: body.readableBytesView)
        } catch {
            throw TransportError.request(.badRequest, error.message, mediaType: mediaType)
        }
        return try await run(decoded, identity: identity, mediaType: mediaType, request: request, context: context)
    }

    func get(_ request: Request, context: DealGraphRequestContext) async throws -> Response {
        let offered: [MediaType] = configuration.playground ? [.graphQLResponse, .json, .html] : [.graphQLResponse, .json]
        let mediaType = try negotiate(request, offered: offered)
        if mediaType == .html {
            return pages.respond("playground.html", to: request)
        }
        let identity = try authenticate(request)
        var decoded: GraphQLRequest
        do {
            decoded = try decoder.decode(queryString: request.uri.query)
        } catch {
            throw TransportError.request(.badRequest, error.message, mediaType: mediaType)
        }
        decoded.queriesOnly = true
        return try await run(decoded, identity: identity, mediaType: mediaType, request: request, context: context)
    }

    private func authenticate(_ request: Request) throws(TransportError) -> Identity {
        do {
            return try callers.authenticate(Credentials(headers: request.headers))
        } catch {
            throw TransportError(error)
        }
    }

    private func run(
        _ graphQLRequest: GraphQLRequest, identity: Identity, mediaType: MediaType, request: Request,
        context: DealGraphRequestContext
    ) async throws -> Response {
        var graphQLRequest = graphQLRequest
        context.requestLog.operationName = graphQLRequest.operationName
        defer { context.requestLog.operationName = service.operationName(of: graphQLRequest) }
        let caller: Caller
        do {
            caller = try await callers.resolve(identity)
        } catch {
            throw TransportError(error)
        }
        do {
            graphQLRequest = try await service.resolveDocument(graphQLRequest, caller: caller)
        } catch {
            return respond(error.outcome, mediaType: mediaType)
        }
        if let wait = throttle.refusal(service.authAttempts(of: graphQLRequest),
                                       client: throttle.client(peer: context.peer, headers: request.headers),
                                       isMaster: identity.isMaster) {
            return AuthThrottle.response(retryAfter: wait)
        }
        return respond(await service.execute(graphQLRequest, caller: caller), mediaType: mediaType)
    }

    private func respond(_ outcome: GraphQLOutcome, mediaType: MediaType) -> Response {
        switch outcome {
        case .executed(let body):
            return response(.ok, body: body, mediaType: mediaType)
        case .requestError(let body):
            // GraphQL-over-HTTP: a request error is 4xx under graphql-response+json, 200 under
            // the legacy application/json (graphql-http audits 556A/74FF/86EE and 572B/FDE2/7B9B).
            return response(mediaType == .graphQLResponse ? .badRequest : .ok, body: body, mediaType: mediaType)
        case .methodNotAllowed(let body):
            var result = response(.methodNotAllowed, body: body, mediaType: mediaType)
            result.headers[.allow] = "POST"
            return result
        case .unavailable(let body):
            var result = response(.serviceUnavailable, body: body, mediaType: mediaType)
            result.headers[.retryAfter] = TransportError.retryAfter
            return result
        }
    }

    private func response(_ status: HTTPResponse.Status, body: [UInt8], mediaType: MediaType) -> Response {
        Response(
            status: status,
            headers: [.contentType: mediaType.headerValue, .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    private func negotiate(_ request: Request, offered: [MediaType]) throws(TransportError) -> MediaType {
        let accept = request.headers[values: .accept].joined(separator: ",")
        guard let type = MediaType.negotiate(accept: accept.isEmpty ? nil : accept, offered: offered) else {
            throw TransportError.request(
                .notAcceptable, "Accept must allow application/graphql-response+json or application/json")
        }
        return type
    }
}
