/// An error from the database layer.
///
/// `description` is generic and safe to show to API clients: it never contains SQL text, bound
/// values or the connection password. `debugDescription` carries the server's message, detail and
/// constraint for logs (still never the password: connection messages are scrubbed).
public struct PostgresError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong, coarsely.
    public enum Kind: Sendable, Equatable {
        /// Cannot connect, or the connection was lost.
        case connectionFailed
        /// No pooled connection became free within the pool's acquire timeout.
        case poolTimeout
        /// The server reported an error; `sqlState` is set.
        case server
        /// The Swift task was cancelled; a running statement was cancelled server-side.
        case cancelled
        /// The configuration string could not be parsed.
        case invalidConfiguration
        /// Unexpected libpq state or a value that could not be decoded.
        case protocolViolation
        /// The pool was closed.
        case poolClosed
    }

    public let kind: Kind
    /// The SQLSTATE code, e.g. "23505" for a unique violation, "57014" for query_canceled.
    public let sqlState: String?
    /// The server's primary message (or a client-side explanation), for logs.
    public let message: String
    /// The server's detail message, when present.
    public let detail: String?
    /// The violated constraint's name (`PG_DIAG_CONSTRAINT_NAME`), when present.
    public let constraint: String?

    public init(
        kind: Kind, sqlState: String? = nil, message: String, detail: String? = nil, constraint: String? = nil
    ) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.constraint = constraint
    }

    public var description: String {
        switch kind {
        case .connectionFailed: "database unavailable"
        case .poolTimeout: "database busy: no connection available in time"
        case .server: "database error (SQLSTATE \(sqlState ?? "?????"))"
        case .cancelled: "database statement cancelled"
        case .invalidConfiguration: "invalid database configuration"
        case .protocolViolation: "unexpected database response"
        case .poolClosed: "database pool closed"
        }
    }

    public var debugDescription: String {
        var text = "PostgresError.\(kind)"
        if let sqlState { text += " [\(sqlState)]" }
        text += ": \(message)"
        if let detail { text += " DETAIL: \(detail)" }
        if let constraint { text += " CONSTRAINT: \(constraint)" }
        return text
    }
}

extension PostgresError {
    static let cancelled = PostgresError(kind: .cancelled, sqlState: "57014", message: "the task was cancelled")
    static let poolClosed = PostgresError(kind: .poolClosed, message: "the pool is closed")
}
