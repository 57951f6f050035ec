import Foundation

/// Checks of written and queried values that PostgreSQL would otherwise reject with an error.
enum ValueValidation {
    static let maximumStringBytes = 1 << 20
    static let maximumJSONDepth = 32

    /// Validates JSON text (syntax, nesting depth); returns it unchanged.
    static func json(_ text: String, field: String) throws(StoreError) -> String {
        guard text.utf8.count <= maximumStringBytes,
              let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]),
              depth(of: value) <= maximumJSONDepth else {
            throw StoreError.incorrectType("Invalid JSON for \(StoreError.quoted(field)).")
        }
        return text
    }

    /// Text PostgreSQL stores unchanged: no NUL characters (text columns refuse them), bounded size.
    static func text(_ text: String, field: String) throws(StoreError) -> String {
        guard text.utf8.count <= maximumStringBytes, !text.utf8.contains(0) else {
            throw StoreError.incorrectType("Invalid string for \(StoreError.quoted(field)).")
        }
        return text
    }

    private static func depth(of value: Any) -> Int {
        if let dictionary = value as? [String: Any] { return 1 + (dictionary.values.map(depth(of:)).max() ?? 0) }
        if let array = value as? [Any] { return 1 + (array.map(depth(of:)).max() ?? 0) }
        return 0
    }
}
