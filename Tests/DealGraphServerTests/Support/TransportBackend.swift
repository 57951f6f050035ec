import Synchronization
import DealGraphServer
import GraphQLEngine

/// The API stand-in for transport tests: it reports what reached it, so a test sees exactly
/// what the transport decoded and which caller it resolved. The real API is tested end to end
/// in the CRM suites.
struct TransportBackend: GraphQLBackend {
    /// Counts the `{ slow }` requests that reached the backend, so a test can wait for one.
    let slowStarted = SlowRequestCounter()

    /// The only session token this backend knows.
    static let validToken = "r:0123456789abcdef0123456789abcdef"

    func caller(sessionToken: String?, isMaster: Bool) async throws(SessionRejected) -> String {
        if isMaster { return "master" }
        guard let sessionToken else { return "anonymous" }
        guard sessionToken == Self.validToken else { throw SessionRejected() }
        return "user"
    }

    /// `{ slow }` sleeps 500 ms (for shutdown tests); `mutation` over GET is refused; a query
    /// starting with `{ invalid` is a request error; anything else reports what arrived.
    func execute(_ request: GraphQLHTTPRequest, caller: String, allowMutations: Bool) async -> GraphQLHTTPOutcome {
        if request.query.hasPrefix("mutation") && !allowMutations {
            return .methodNotAllowed(body: Array(#"{"errors":[{"message":"Mutations need POST"}]}"#.utf8))
        }
        if request.query.hasPrefix("{ invalid") {
            return .requestError(body: Array(#"{"errors":[{"message":"Syntax Error"}]}"#.utf8))
        }
        if request.query == "{ slow }" {
            slowStarted.increment()
            try? await Task.sleep(for: .milliseconds(500))
        }
        let variableNames = request.variables.map { $0.shape.names.sorted().joined(separator: ",") } ?? ""
        let echo = #"{"data":{"caller":"\#(caller)","operationName":"\#(request.operationName ?? "")","#
            + #""variables":"\#(variableNames)","queryLength":\#(request.query.utf8.count)}}"#
        return .executed(body: Array(echo.utf8))
    }
}

final class SlowRequestCounter: Sendable {
    private let value = Atomic<Int>(0)

    func increment() { value.add(1, ordering: .relaxed) }

    var count: Int { value.load(ordering: .relaxed) }
}
