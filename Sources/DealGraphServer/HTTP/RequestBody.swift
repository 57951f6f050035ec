import Hummingbird

/// Reading a JSON request body safely, for every endpoint that takes one.
enum RequestBody {
    /// GraphQL-over-HTTP (and Parse's REST API): a server MUST accept `application/json` (UTF-8);
    /// other types and charsets get 415, as does a POST without a Content-Type.
    static func checkContentType(_ value: String?, mediaType: MediaType) throws(TransportError) {
        guard let value else {
            throw TransportError.request(.unsupportedMediaType, "Content-Type must be application/json", mediaType: mediaType)
        }
        let contentType = MediaTypeText(value[...])
        let name = contentType.name
        guard name == "application/json" || name == "application/graphql-response+json" else {
            throw TransportError.request(.unsupportedMediaType, "Content-Type must be application/json", mediaType: mediaType)
        }
        if let charset = contentType.parameter("charset"), charset.lowercased().trimmingCharacters(in: "\"") != "utf-8" {
            throw TransportError.request(.unsupportedMediaType, "Only the utf-8 charset is supported", mediaType: mediaType)
        }
    }

    /// Reads the body, refusing one over `limit` bytes with 413: before reading it when
    /// Content-Length says so, and as soon as it grows past the limit otherwise.
    static func read(_ request: Request, limit: Int, mediaType: MediaType) async throws -> ByteBuffer {
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
