import Hummingbird
import Logging

/// One structured log line per request: method, path, status, duration in milliseconds and the
/// GraphQL operation name; the same figures counted in the gateway's metrics (by transport,
/// status and operation). The query string and headers are never logged: they may carry the
/// master key, a session token or a password.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = DealGraphRequestContext
    let metrics: GatewayMetrics
    let parseMountPath: String

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context: context, status: response.status.code, since: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, context: context, status: status, since: start)
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let path = request.uri.path
        let transport = path == "/graphql" ? "graphql"
            : path == parseMountPath || path.hasPrefix(parseMountPath + "/") ? "rest" : "web"
        metrics.request(transport: transport, status: status, operation: context.requestLog.operationName, duration: elapsed)
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        var metadata: Logger.Metadata = [
            "method": "\(request.method.rawValue)",
            "path": "\(request.uri.path)",
            "status": "\(status)",
            "duration_ms": "\((milliseconds * 100).rounded() / 100)",
        ]
        if let operation = context.requestLog.operationName {
            metadata["operation"] = "\(operation)"
        }
        context.logger.log(level: status >= 500 ? .error : .info, "request", metadata: metadata)
    }
}
