import APICore
import CRMStore
import GraphQLEngine

/// `POST /batch`: `{"requests":[{"method","path","body"}...], "transaction": false}`. Paths
/// include the mount path (`/parse/classes/Deal`), as the SDKs send them. Sub-requests run in
/// order with the caller's credentials; the reply holds one `{"success":...}` or
/// `{"error":{"code","error"}}` per request. With `transaction: true` they run in one database
/// transaction, and the first failure rolls every write back and is the reply.
extension ParseRESTService {
    func batch(_ parameters: Record, caller: Caller) async throws -> RESTReply {
        for (name, _) in parameters.fields where name != "requests" && name != "transaction" {
            throw ParseError.invalidJSON("Invalid batch parameter: \(StoreError.quoted(name))")
        }
        guard case .list(let items)? = parameters["requests"] else {
            throw ParseError.invalidJSON("requests must be an array")
        }
        guard items.count <= limits.maxBatchRequests else {
            throw ParseError.invalidJSON("A batch holds at most \(limits.maxBatchRequests) requests.")
        }
        let requests = try items.map { item throws(ParseError) in try subrequest(item) }
        let transactional = parameters["transaction"]?.boolValue ?? false
        if transactional {
            let replies = try await store.atomically { () async throws(StoreError) -> [RESTReply] in
                var replies: [RESTReply] = []
                for request in requests {
                    let reply = await handle(request, caller: caller)
                    if reply.status >= 300 { throw BatchFailure(reply: reply).storeError }
                    replies.append(reply)
                }
                return replies
            }
            return RESTReply(body: .list(replies.map { .object(["success": $0.body]) }))
        }
        var results: [GraphQLValue] = []
        for request in requests {
            let reply = await handle(request, caller: caller)
            results.append(reply.status < 300 ? .object(["success": reply.body]) : .object(["error": reply.body]))
        }
        return RESTReply(body: .list(results))
    }

    func subrequest(_ item: GraphQLValue) throws(ParseError) -> RESTRequest {
        guard case .object(let record) = item, let methodName = record["method"]?.stringValue,
              let path = record["path"]?.stringValue else {
            throw .invalidJSON("A batch request needs method and path.")
        }
        guard let method = RESTMethod(rawValue: methodName.uppercased()) else {
            throw .invalidJSON("Invalid batch method: \(StoreError.quoted(methodName))")
        }
        guard path.hasPrefix(mountPath + "/") else { throw .invalidJSON("cannot route batch path \(path)") }
        let route = String(path.dropFirst(mountPath.count))
        guard Self.segments(route).first != "batch" else { throw .invalidJSON("A batch cannot hold a batch.") }
        var body = Record(fields: [])
        switch record["body"] {
        case .object(let fields)?: body = fields
        case nil, .null?: break
        default: throw .invalidJSON("A batch request's body must be an object.")
        }
        return RESTRequest(method: method, path: route, parameters: body)
    }
}

/// A failed sub-request of a transactional batch: the reply that ends it.
private struct BatchFailure {
    let reply: RESTReply

    /// As a store error, to roll the transaction back; its code and message are the reply's.
    var storeError: StoreError {
        let code = reply.body["code"]?.intValue ?? ParseErrorCode.internalServerError.rawValue
        return StoreError(code: ParseErrorCode(rawValue: code), reply.body["error"]?.stringValue ?? "Internal server error")
    }
}
