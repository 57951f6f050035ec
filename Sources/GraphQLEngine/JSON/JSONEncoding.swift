/// JSON text outside a response (stored Object fields, transport error bodies), written by the
/// response writer so that every JSON string is escaped one way, like `JSON.stringify`.
public enum JSONEncoding {
    /// `text` as a JSON string literal.
    public static func quoted(_ text: String) -> String {
        var writer = ResponseWriter(capacity: text.utf8.count + 8)
        writer.writeString(text)
        return writer.finishString()
    }

    /// `value` as JSON text; nil for values JSON cannot hold (host objects, non-finite numbers).
    public static func text(_ value: GraphQLValue) -> String? {
        var writer = ResponseWriter()
        return writer.writeValue(value) ? writer.finishString() : nil
    }

    /// `value` as JSON bytes, sized by a first guess of `capacity`; nil for values JSON cannot
    /// hold.
    public static func bytes(_ value: GraphQLValue, capacity: Int = 1024) -> [UInt8]? {
        var writer = ResponseWriter(capacity: capacity)
        return writer.writeValue(value) ? writer.finish() : nil
    }
}
