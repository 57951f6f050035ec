import Foundation

/// Relay global ids (docs/API.md): standard base64, with padding, of
/// `<ParseClassName>:<objectId>` (`Deal:xKue915KBG`, `_User:3RvS2rVC6H`).
enum GlobalID {
    static func encode(className: String, objectId: String) -> String {
        Data("\(className):\(objectId)".utf8).base64EncodedString()
    }

    /// The class name and objectId inside a global id; nil when `id` is not one.
    static func decode(_ id: String) -> (className: String, objectId: String)? {
        guard id.utf8.count <= 512, let data = Data(base64Encoded: id),
              let text = String(data: data, encoding: .utf8),
              let colon = text.firstIndex(of: ":") else { return nil }
        let className = String(text[..<colon]), objectId = String(text[text.index(after: colon)...])
        guard !className.isEmpty, !objectId.isEmpty else { return nil }
        return (className, objectId)
    }

    /// The lenient rule of every id-accepting input: a global id of `className` gives its
    /// objectId; anything else (a raw objectId, a string that is not base64) is used unchanged.
    static func objectId(from id: String, className: String) -> String {
        if let decoded = decode(id), decoded.className == className { return decoded.objectId }
        return id
    }
}

/// Relay connection cursors: base64 of `arrayconnection:<offset>`.
enum Cursor {
    private static let prefix = "arrayconnection:"

    static func encode(_ offset: Int) -> String {
        Data((prefix + String(offset)).utf8).base64EncodedString()
    }

    /// The offset of a cursor; nil when it is not one (graphql-relay `cursorToOffset` + Parse's
    /// checks: a negative or non-numeric offset is invalid).
    static func decode(_ cursor: String) -> Int? {
        guard cursor.utf8.count <= 64, let data = Data(base64Encoded: cursor),
              let text = String(data: data, encoding: .utf8), text.hasPrefix(prefix),
              let offset = Int(text.dropFirst(prefix.count)), offset >= 0 else { return nil }
        return offset
    }
}
