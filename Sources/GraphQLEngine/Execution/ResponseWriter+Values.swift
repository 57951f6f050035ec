extension ResponseWriter {
    /// A plain value as JSON. Host objects and non-finite numbers have no JSON form: they are
    /// written as null (as `JSON.stringify` writes NaN) and the result is false.
    mutating func writeValue(_ value: GraphQLValue) -> Bool {
        switch value {
        case .null: writeNull()
        case .host:
            writeNull()
            return false
        case .boolean(let b): writeBool(b)
        case .int(let i): writeInt(i)
        case .float(let d):
            writeDouble(d)
            return d.isFinite
        case .string(let s): writeString(s)
        case .list(let items):
            var representable = true
            writeByte(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { writeByte(UInt8(ascii: ",")) }
                representable = writeValue(item) && representable
            }
            writeByte(UInt8(ascii: "]"))
            return representable
        case .object(let record):
            var representable = true
            writeByte(UInt8(ascii: "{"))
            for (index, (name, item)) in record.fields.enumerated() {
                if index > 0 { writeByte(UInt8(ascii: ",")) }
                writeString(name)
                writeByte(UInt8(ascii: ":"))
                representable = writeValue(item) && representable
            }
            writeByte(UInt8(ascii: "}"))
            return representable
        }
        return true
    }
}

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
}
