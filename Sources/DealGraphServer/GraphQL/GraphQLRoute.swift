import Hummingbird

/// `/graphql` per the GraphQL-over-HTTP specification: POST with a JSON body, GET with a query
/// string (queries only), the response media type by Accept, Parse's headers checked first.
struct GraphQLRoute<Backend: GraphQLBackend>: Sendable {
    let backend: Backend
    let configuration: ServerConfiguration
    let decoder: GraphQLRequestDecoder

    init(backend: Backend, configuration: ServerConfiguration) {
        self.backend = backend
        self.configuration = configuration
        self.decoder = GraphQLRequestDecoder(maxJSONDepth: configuration.maxJSONDepth)
    }

    func register(on router: Router<DealGraphRequestContext>, path: RouterPath = "graphql") {
        router.post(path) { request, context in try await post(request, context: context) }
        router.get(path) { request, context in try await get(request, context: context) }
    }

    func post(_ request: Request, context: DealGraphRequestContext) async throws -> Response {
        let mediaType = try negotiate(request, offered: [.graphQLResponse, .json])
        let identity = try ParseIdentity.check(request.headers, configuration: configuration)
        try checkContentType(request.headers[.contentType], mediaType: mediaType)
        let body = try await readBody(request, mediaType: mediaType)
        let decoded: GraphQLHTTPRequest
        do {
            decoded = try decoder.decode(body: body.readableBytesView)
        } catch {
            throw TransportError.request(.badRequest, error.message, mediaType: mediaType)
        }
        return try await run(decoded, identity: identity, mediaType: mediaType, allowMutations: true, context: context)
    }

    func get(_ request: Request, context: DealGraphRequestContext) async throws -> Response {
        let offered: [MediaType] = configuration.playground ? [.graphQLResponse, .json, .html] : [.graphQLResponse, .json]
        let mediaType = try negotiate(request, offered: offered)
        if mediaType == .html {
            return PlaygroundPage.response
        }
        let identity = try ParseIdentity.check(request.headers, configuration: configuration)
        let decoded: GraphQLHTTPRequest
        do {
            decoded = try decoder.decode(queryString: request.uri.query)
        } catch {
            throw TransportError.request(.badRequest, error.message, mediaType: mediaType)
        }
        return try await run(decoded, identity: identity, mediaType: mediaType, allowMutations: false, context: context)
    }

    private func run(
        _ graphQLRequest: GraphQLHTTPRequest, identity: ParseIdentity, mediaType: MediaType,
        allowMutations: Bool, context: DealGraphRequestContext
    ) async throws -> Response {
        context.requestLog.operationName = graphQLRequest.operationName
        let caller: Backend.Caller
        do {
            caller = try await backend.caller(sessionToken: identity.sessionToken, isMaster: identity.isMaster)
        } catch where error.isInternal {
            throw TransportError.internalError
        } catch {
            throw TransportError.invalidSession(error.message)
        }
        let outcome = await backend.execute(graphQLRequest, caller: caller, allowMutations: allowMutations)
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

    /// GraphQL-over-HTTP: a server MUST accept `application/json` (UTF-8); other types and
    /// charsets get 415, as does a POST without a Content-Type.
    private func checkContentType(_ value: String?, mediaType: MediaType) throws(TransportError) {
        guard let value else {
            throw TransportError.request(.unsupportedMediaType, "Content-Type must be application/json", mediaType: mediaType)
        }
        let parts = value.split(separator: ";")
        let name = parts.first?.trimmingSpaces.lowercased() ?? ""
        let charset = parts.dropFirst().compactMap { parameter -> Substring? in
            let pair = parameter.split(separator: "=", maxSplits: 1)
            return pair.count == 2 && pair[0].trimmingSpaces.lowercased() == "charset" ? pair[1].trimmingSpaces : nil
        }.first
        guard name == "application/json" || name == "application/graphql-response+json" else {
            throw TransportError.request(.unsupportedMediaType, "Content-Type must be application/json", mediaType: mediaType)
        }
        if let charset, charset.lowercased().trimmingCharacters(in: "\"") != "utf-8" {
            throw TransportError.request(.unsupportedMediaType, "Only the utf-8 charset is supported", mediaType: mediaType)
        }
    }

    /// Reads the body, refusing one over the limit with 413 before reading it when
    /// Content-Length says so, and as soon as it grows past the limit otherwise.
    private func readBody(_ request: Request, mediaType: MediaType) async throws -> ByteBuffer {
        let limit = configuration.maxBodyBytes
        let tooLarge = TransportError.request(
            .contentTooLarge, "Request body is larger than the limit of \(limit) bytes", mediaType: mediaType)
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw tooLarge }
        var request = request
        do {
            return try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> Substring {
        var text = self[...]
        while text.first == set { text.removeFirst() }
        while text.last == set { text.removeLast() }
        return text
    }
}
