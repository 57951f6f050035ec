import Foundation

/// Relay global ids (docs/API.md): standard base64, with padding, of
/// `<ParseClassName>:<objectId>` (`Deal:xKue915KBG`, `_User:3RvS2rVC6H`).
enum GlobalID {
    static func encode(className: String, objectId: String) -> String {
        Base64.encode(className, ":", objectId)
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
        Base64.encode(prefix, "", String(offset))
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

/// Standard base64 with padding, written straight into the string's storage: ids and cursors are
/// encoded for every object of a response.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The base64 of the UTF-8 of `a + b + c`.
    static func encode(_ a: String, _ b: String, _ c: String) -> String {
        var a = a, b = b, c = c
        return a.withUTF8 { a in b.withUTF8 { b in c.withUTF8 { c in encode([a, b, c]) } } }
    }

    private static func encode(_ parts: [UnsafeBufferPointer<UInt8>]) -> String {
        let length = parts.reduce(0) { $0 + $1.count }
        let output = (length + 2) / 3 * 4
        let alphabet = Self.alphabet
        return String(unsafeUninitializedCapacity: output) { buffer in
            var group: UInt32 = 0, filled = 0, written = 0
            func emit(_ value: UInt32, _ count: Int) {
                for index in 0..<count {
                    buffer[written] = alphabet[Int(value >> UInt32(18 - 6 * index) & 63)]
                    written += 1
                }
            }
            for part in parts {
                for byte in part {
                    group = group << 8 | UInt32(byte)
                    filled += 1
                    if filled == 3 {
                        emit(group, 4)
                        group = 0
                        filled = 0
                    }
                }
            }
            if filled > 0 {
                emit(group << UInt32(8 * (3 - filled)), filled + 1)
                for _ in filled..<3 {
                    buffer[written] = UInt8(ascii: "=")
                    written += 1
                }
            }
            return written
        }
    }
}
