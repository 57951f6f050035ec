import APICore
import GraphQLEngine
import Hummingbird

/// A request refused by the transport before GraphQL runs. It renders itself: a status, a JSON
/// body and any extra headers (`Allow` for 405).
struct TransportError: HTTPResponseError {
    let status: HTTPResponse.Status
    let body: String
    var contentType = MediaType.json.headerValue
    var headers: HTTPFields = [:]

    /// A GraphQL-over-HTTP request error: `{"errors":[{"message":...}]}`, labelled with the
    /// negotiated media type.
    static func request(_ status: HTTPResponse.Status, _ message: String, mediaType: MediaType = .json) -> TransportError {
        TransportError(status: status, body: JSONText.requestErrors(message), contentType: mediaType.headerValue)
    }

    /// Parse's 403 `{"error":"unauthorized"}` (wrong application id, client key or master key).
    static let unauthorized = TransportError(status: .forbidden, body: #"{"error":"unauthorized"}"#)

    /// Parse's 400 `{"code":209,"error":"Invalid session token"}`, before GraphQL runs.
    static func invalidSession(_ message: String) -> TransportError {
        TransportError(status: .badRequest, body: #"{"code":209,"error":\#(JSONEncoding.quoted(message))}"#)
    }

    /// 503 with Parse's code 100 while the database is away, and when to retry.
    static let unavailable = TransportError(
        status: .serviceUnavailable, body: #"{"code":100,"error":\#(JSONEncoding.quoted(ParseError.databaseUnavailable.message))}"#,
        headers: [.retryAfter: retryAfter])

    /// Seconds a client should wait before retrying a request the database could not serve.
    static let retryAfter = "1"

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = contentType
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
