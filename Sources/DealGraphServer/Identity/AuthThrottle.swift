import APICore
import HTTPTypes
import Hummingbird
import NIOCore

/// The per-client limit on authentication attempts as every transport applies it: who the
/// client is (the TCP peer, or what trusted proxies say), whether its attempts fit, and Parse's
/// answer when they do not (HTTP 429 `{"code":100,"error":"Too many requests."}`).
struct AuthThrottle: Sendable {
    let limiter: AttemptLimiter?
    let proxies: TrustedProxies

    init(configuration: ServerConfiguration) {
        limiter = configuration.authRateLimit.map { AttemptLimiter(limit: $0) }
        proxies = configuration.trustedProxies
    }

    static let message = "Too many requests."

    func client(peer: SocketAddress?, headers: HTTPFields) -> IPAddress? {
        proxies.client(peer: peer?.ipAddress.flatMap { IPAddress($0) },
                       forwardedFor: headers[values: HTTPField.Name("X-Forwarded-For")!])
    }

    /// Nil when a caller may make `attempts` attempts now (always for the master key), else the
    /// whole seconds until it may try again.
    func refusal(_ attempts: @autoclosure () -> Int, client: @autoclosure () -> IPAddress?, isMaster: Bool) -> Int? {
        guard let limiter, !isMaster, let wait = limiter.admit(attempts(), for: client()) else { return nil }
        return max(1, Int(wait.components.seconds) + (wait.components.attoseconds > 0 ? 1 : 0))
    }

    /// Parse's rate-limit answer.
    static func response(retryAfter seconds: Int) -> Response {
        Response(
            status: .tooManyRequests,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store", .retryAfter: String(seconds)],
            body: .init(byteBuffer: ByteBuffer(string: #"{"code":100,"error":"Too many requests."}"#)))
    }
}
