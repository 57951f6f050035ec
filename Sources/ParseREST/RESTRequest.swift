import APICore
import GraphQLEngine

/// The HTTP methods of Parse's REST API.
public enum RESTMethod: String, Sendable {
    case get = "GET", post = "POST", put = "PUT", delete = "DELETE"
}

/// One call of Parse's REST API as the transport decoded it, whatever its envelope was (headers
/// and a query string, or the JavaScript SDK's `text/plain` POST with `_method` and the keys in
/// the body): the method, the route below the mount path, and the parameters.
public struct RESTRequest: Sendable {
    public var method: RESTMethod
    /// The route below the mount path, without query string: `/classes/Deal/Ab3dEf9hIj`.
    public var path: String
    /// A GET's query parameters (each JSON-parsed when it parses, as Parse does), or the
    /// fields of the body, the envelope's `_`-keys removed.
    public var parameters: Record
    /// `X-Parse-Installation-Id` (or the body's `_InstallationId`).
    public var installationId: String?

    public init(method: RESTMethod, path: String, parameters: Record = Record(fields: []), installationId: String? = nil) {
        self.method = method
        self.path = path
        self.parameters = parameters
        self.installationId = installationId
    }
}

/// The answer to a ``RESTRequest``: an HTTP status and a JSON body (Parse's `{"code","error"}`
/// for errors), with the route of a created object for `Location`.
public struct RESTReply: Sendable {
    public var status: Int
    public var body: GraphQLValue
    /// The created object's route below the mount path (`/classes/Deal/<id>`), for a 201's
    /// `Location`.
    public var location: String?

    public init(status: Int = 200, body: GraphQLValue, location: String? = nil) {
        self.status = status
        self.body = body
        self.location = location
    }

    /// Parse's error body with the error's HTTP status (404 for 101, 500 for 1, else 400).
    public static func error(_ error: ParseError) -> RESTReply {
        RESTReply(status: error.httpStatus, body: .object(Record(shape: errorShape, values: [
            .int(error.code.rawValue), .string(error.message),
        ])))
    }

    /// `{}`: what Parse answers for a delete or a logout (the SDK refuses an empty body).
    public static let empty = RESTReply(body: .object(Record(fields: [])))

    /// The body as JSON bytes.
    public var bytes: [UInt8] {
        JSONEncoding.bytes(body) ?? Array(#"{"code":1,"error":"Internal server error"}"#.utf8)
    }

    private static let errorShape = RecordShape(["code", "error"])
}

/// Building JSON objects field by field.
extension GraphQLValue {
    static func object(_ fields: KeyValuePairs<String, GraphQLValue>) -> GraphQLValue {
        .object(Record(fields: fields.map { ($0.key, $0.value) }))
    }
}
