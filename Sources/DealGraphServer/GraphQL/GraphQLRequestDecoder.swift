import CRMGraphQL
import GraphQLEngine

/// Turns the parameters of a GraphQL-over-HTTP request into a `GraphQLRequest`, refusing
/// a request that is not well formed with a clear message (GraphQL-over-HTTP "Request
/// Parameters": `query` a string, `variables` and `extensions` maps, `operationName` a string;
/// null means absent; unknown keys are ignored).
struct GraphQLRequestDecoder: Sendable {
    /// Nesting limit for the JSON body and the GET `variables`/`extensions` texts.
    var maxJSONDepth = JSONReader.defaultMaxDepth

    /// A refused request: the message for `{"errors":[{"message":...}]}`.
    struct Malformed: Error, Equatable {
        let message: String
    }

    /// Decodes a POST body (`application/json`).
    func decode(body: some Collection<UInt8>) throws(Malformed) -> GraphQLRequest {
        let document: GraphQLValue
        do {
            document = try JSONReader.parse(body, maxDepth: maxJSONDepth)
        } catch {
            throw Malformed(message: "Request body is not valid JSON: \(error)")
        }
        switch document {
        case .object(let parameters):
            return try decode(
                query: parameters["query"], variables: parameters["variables"],
                operationName: parameters["operationName"], extensions: parameters["extensions"])
        case .list:
            throw Malformed(message: "Batched requests (a JSON array body) are not supported")
        default:
            throw Malformed(message: "Request body must be a JSON object")
        }
    }

    /// Decodes the query string of a GET (`application/x-www-form-urlencoded`), where
    /// `variables` and `extensions` are JSON texts and an empty value means absent.
    func decode(queryString: String?) throws(Malformed) -> GraphQLRequest {
        guard let pairs = FormURLEncoded.decode(queryString ?? "") else {
            throw Malformed(message: "Query string is not valid UTF-8 form encoding")
        }
        func parameter(_ name: String) -> String? {
            pairs.last(where: { $0.name == name && !$0.value.isEmpty })?.value
        }
        func json(_ name: String) throws(Malformed) -> GraphQLValue? {
            guard let text = parameter(name) else { return nil }
            do {
                return try JSONReader.parse(Array(text.utf8), maxDepth: maxJSONDepth)
            } catch {
                throw Malformed(message: "\(name) is not valid JSON: \(error)")
            }
        }
        return try decode(
            query: parameter("query").map(GraphQLValue.string), variables: json("variables"),
            operationName: parameter("operationName").map(GraphQLValue.string), extensions: json("extensions"))
    }

    private func decode(
        query: GraphQLValue?, variables: GraphQLValue?, operationName: GraphQLValue?, extensions: GraphQLValue?
    ) throws(Malformed) -> GraphQLRequest {
        let extensions = try map(extensions, named: "extensions")
        let persistedHash = try persistedQueryHash(extensions)
        let text: String
        switch query {
        case .string(let value)?: text = value
        case nil where persistedHash != nil, .null? where persistedHash != nil: text = ""
        case nil, .null?: throw Malformed(message: "Missing query: the request must have a \"query\" string")
        default: throw Malformed(message: "\"query\" must be a string")
        }
        return GraphQLRequest(
            query: text,
            variables: try map(variables, named: "variables"),
            operationName: try string(operationName, named: "operationName"),
            extensions: extensions, persistedHash: persistedHash)
    }

    /// Apollo's `extensions.persistedQuery`: `{"version":1,"sha256Hash":"<64 hex digits>"}`.
    private func persistedQueryHash(_ extensions: Record?) throws(Malformed) -> String? {
        guard let value = extensions?["persistedQuery"], value != .null else { return nil }
        guard case .object(let persisted) = value else { throw Malformed(message: "\"persistedQuery\" must be an object") }
        guard persisted["version"] == .int(1) else { throw Malformed(message: "Unsupported persisted query version") }
        guard case .string(let hash)? = persisted["sha256Hash"], hash.utf8.count == 64,
              hash.utf8.allSatisfy({ (48...57).contains($0) || (65...70).contains($0) || (97...102).contains($0) }) else {
            throw Malformed(message: "\"persistedQuery.sha256Hash\" must be a SHA-256 in hex")
        }
        return hash
    }

    private func map(_ value: GraphQLValue?, named name: String) throws(Malformed) -> Record? {
        switch value {
        case nil, .null?: return nil
        case .object(let record)?: return record
        default: throw Malformed(message: "\"\(name)\" must be an object")
        }
    }

    private func string(_ value: GraphQLValue?, named name: String) throws(Malformed) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw Malformed(message: "\"\(name)\" must be a string")
        }
    }
}
