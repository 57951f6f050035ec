/// Checks of written and queried text before it is bound: PostgreSQL refuses NUL characters in
/// text and the size is bounded. JSON text (Object and Array values) gets the same check and is
/// then bound as jsonb: PostgreSQL validates it, and ``StoreError/init(mapping:)`` turns its
/// refusal into 111.
enum ValueValidation {
    static let maximumStringBytes = 1 << 20

    /// Text PostgreSQL stores unchanged: no NUL characters (text columns refuse them), bounded size.
    static func text(_ text: String, field: String) throws(StoreError) -> String {
        guard text.utf8.count <= maximumStringBytes, !text.utf8.contains(0) else {
            throw StoreError.incorrectType("Invalid string for \(StoreError.quoted(field)).")
        }
        return text
    }
}
