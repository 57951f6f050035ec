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

    /// Parse's 500 `{"code":1,"error":"Internal server error"}`; the cause is in the log.
    static let internalError = TransportError(status: .internalServerError, body: #"{"code":1,"error":"Internal server error"}"#)

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = contentType
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
