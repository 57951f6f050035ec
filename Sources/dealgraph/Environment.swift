import ArgumentParser
import Foundation

/// Settings from the environment. A secret may come from a file instead, as the PostgreSQL
/// image reads `POSTGRES_PASSWORD_FILE`: `NAME_FILE` names a file holding the value of `NAME`
/// (its trailing newline dropped), so container secrets need not pass through the environment.
enum Environment {
    static var variables: [String: String] { ProcessInfo.processInfo.environment }

    /// `NAME`, else the content of the file `NAME_FILE` names; nil when neither is set or the
    /// value is empty. A `NAME_FILE` that cannot be read is an error, not an unset setting.
    static func text(_ name: String) throws -> String? {
        if let value = variables[name], !value.isEmpty { return value }
        guard let path = variables[name + "_FILE"], !path.isEmpty else { return nil }
        guard let data = FileManager.default.contents(atPath: path), let content = String(data: data, encoding: .utf8) else {
            throw ValidationError("\(name)_FILE: cannot read \(path)")
        }
        let value = content.trimmingCharacters(in: .newlines)
        return value.isEmpty ? nil : value
    }
}
