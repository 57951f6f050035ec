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
