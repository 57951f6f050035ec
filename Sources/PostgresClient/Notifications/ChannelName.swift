import Foundation

/// Checks and quotes LISTEN channel names. Channel names come from code, not from clients; they
/// are still sent only as quoted identifiers.
enum ChannelName {
    /// PostgreSQL truncates identifiers to NAMEDATALEN - 1 bytes (63 in standard builds), and then
    /// reports notifications under the truncated name, which no consumer would match.
    static let maximumBytes = 63

    static func validate(_ channels: [String]) throws(PostgresError) {
        for channel in channels {
            if channel.utf8.contains(0) { throw ParameterTexts.nulByteError }
            guard !channel.isEmpty, channel.utf8.count <= maximumBytes else {
                throw PostgresError(kind: .server, sqlState: "42602",
                                    message: "a channel name must have 1 to \(maximumBytes) bytes")
            }
        }
    }

    /// `"name"` with embedded double quotes doubled (SQL identifier quoting).
    static func quoted(_ channel: String) -> String {
        "\"" + channel.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
