import CLibPQ

/// Connection settings, parsed by libpq itself (`PQconninfoParse`), so every form libpq accepts is
/// accepted here: `postgres://user:pw@host:port/db?sslmode=..`, `postgresql:///db?host=/socket/dir`,
/// or a conninfo string (`host=/x dbname=y`).
///
/// `description` never contains the password.
public struct PostgresConfiguration: Sendable, CustomStringConvertible {
    /// One libpq connection keyword and its value.
    struct Option: Sendable, Equatable {
        let keyword: String
        var value: String
    }

    /// How long establishing a connection may take (libpq's `connect_timeout`, whole seconds, at least 2).
    public var connectTimeout: Duration
    /// The keywords libpq parsed from the string, minus empty values.
    private(set) var options: [Option]

    /// Parses `urlOrConninfo`. Throws `.invalidConfiguration` with a message that never repeats the
    /// input (it may hold a password).
    public init(_ urlOrConninfo: String, connectTimeout: Duration = .seconds(10)) throws(PostgresError) {
        if urlOrConninfo.utf8.contains(0) {
            throw PostgresError(kind: .invalidConfiguration, message: "the connection string contains a NUL byte")
        }
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let parsed = PQconninfoParse(urlOrConninfo, &errorMessage) else {
            if let errorMessage { PQfreemem(errorMessage) }
            throw PostgresError(
                kind: .invalidConfiguration,
                message: "the connection string is not a valid postgres:// URL or key=value conninfo string"
            )
        }
        defer { PQconninfoFree(parsed) }
        var options: [Option] = []
        var cursor = parsed
        while let keyword = cursor.pointee.keyword {
            if let value = cursor.pointee.val, value.pointee != 0 {
                options.append(Option(keyword: String(cString: keyword), value: String(cString: value)))
            }
            cursor += 1
        }
        self.options = options
        self.connectTimeout = connectTimeout
    }

    /// The database name as parsed (`dbname`), nil when the string names none.
    public var database: String? { self["dbname"] }

    /// A copy that connects to database `name` instead.
    public func withDatabase(_ name: String) -> PostgresConfiguration {
        var copy = self
        copy["dbname"] = name
        return copy
    }

    /// The settings as `key=value` pairs, the password left out.
    public var description: String {
        let shown = options.filter { $0.keyword != "password" }.map { "\($0.keyword)=\(Self.quoted($0.value))" }
        return shown.isEmpty ? "(libpq defaults)" : shown.joined(separator: " ")
    }

    /// The password when the string holds one, for scrubbing it out of error messages.
    var password: String? { self["password"] }

    subscript(keyword: String) -> String? {
        get { options.first { $0.keyword == keyword }?.value }
        set {
            options.removeAll { $0.keyword == keyword }
            if let newValue { options.append(Option(keyword: keyword, value: newValue)) }
        }
    }

    /// The keyword/value pairs handed to `PQconnectdbParams`: the parsed options, the connect
    /// timeout, and session settings that the row decoder relies on (ISO dates in UTC, UTF-8, and
    /// shortest-exact floats).
    func connectionParameters() -> [Option] {
        var params = options.filter { $0.keyword != "connect_timeout" && $0.keyword != "client_encoding" }
        let seconds = max(2, Int((connectTimeout + .milliseconds(999)).components.seconds))
        params.append(Option(keyword: "connect_timeout", value: String(seconds)))
        params.append(Option(keyword: "client_encoding", value: "UTF8"))
        let session = "-c DateStyle=ISO -c TimeZone=UTC -c IntervalStyle=postgres -c extra_float_digits=1"
        if let index = params.firstIndex(where: { $0.keyword == "options" }) {
            params[index].value += " " + session
        } else {
            params.append(Option(keyword: "options", value: session))
        }
        if !params.contains(where: { $0.keyword == "fallback_application_name" }) {
            params.append(Option(keyword: "fallback_application_name", value: "dealgraph"))
        }
        return params
    }

    /// conninfo quoting: single quotes, with `\` and `'` escaped by a backslash.
    static func quoted(_ value: String) -> String {
        if !value.isEmpty, value.allSatisfy({ $0.isLetter || $0.isNumber || "/._-:".contains($0) }) {
            return value
        }
        var out = "'"
        for character in value {
            if character == "'" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out + "'"
    }
}
