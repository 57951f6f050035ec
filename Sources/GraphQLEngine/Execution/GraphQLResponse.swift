/// The result of a GraphQL request (spec 7.1 "Response Format"), already serialized.
public struct GraphQLResponse: Sendable {
    /// The response as JSON: `{"data":...}`, `{"data":...,"errors":[...]}` or, for a request
    /// error (syntax, validation, variables), `{"errors":[...]}`.
    public let json: [UInt8]
    /// The errors, in the order they appear in `json`.
    public let errors: [GraphQLError]
    /// Whether execution started, so that the response has a `data` entry (GraphQL over HTTP uses
    /// this to choose the status code).
    public let hasData: Bool

    /// The JSON as a string.
    public var text: String { String(decoding: json, as: UTF8.self) }

    /// A response for errors raised before execution: no `data` entry.
    public init(requestErrors errors: [GraphQLError]) {
        var writer = ResponseWriter(capacity: 256)
        writer.writeRaw(Array("{\"errors\":".utf8))
        writer.writeErrors(errors)
        writer.writeByte(UInt8(ascii: "}"))
        self.init(json: writer.finish(), errors: errors, hasData: false)
    }

    init(json: [UInt8], errors: [GraphQLError], hasData: Bool) {
        self.json = json
        self.errors = errors
        self.hasData = hasData
    }
}

extension ResponseWriter {
    /// The `errors` list (spec 7.1.2): `message`, then `locations`, `path` and `extensions` when
    /// present.
    mutating func writeErrors(_ errors: [GraphQLError]) {
        writeByte(UInt8(ascii: "["))
        for (index, error) in errors.enumerated() {
            if index > 0 { writeByte(UInt8(ascii: ",")) }
            writeRaw(Array("{\"message\":".utf8))
            writeString(error.message)
            if !error.locations.isEmpty {
                writeRaw(Array(",\"locations\":[".utf8))
                for (position, location) in error.locations.enumerated() {
                    if position > 0 { writeByte(UInt8(ascii: ",")) }
                    writeRaw(Array("{\"line\":".utf8))
                    writeInt(location.line)
                    writeRaw(Array(",\"column\":".utf8))
                    writeInt(location.column)
                    writeByte(UInt8(ascii: "}"))
                }
                writeByte(UInt8(ascii: "]"))
            }
            if !error.path.isEmpty {
                writeRaw(Array(",\"path\":[".utf8))
                for (position, component) in error.path.enumerated() {
                    if position > 0 { writeByte(UInt8(ascii: ",")) }
                    switch component {
                    case .key(let key): writeString(key)
                    case .index(let i): writeInt(i)
                    }
                }
                writeByte(UInt8(ascii: "]"))
            }
            if !error.extensions.isEmpty {
                writeRaw(Array(",\"extensions\":".utf8))
                writeExtensionObject(error.extensions)
            }
            writeByte(UInt8(ascii: "}"))
        }
        writeByte(UInt8(ascii: "]"))
    }

    private mutating func writeExtensionObject(_ members: [ErrorExtension]) {
        writeByte(UInt8(ascii: "{"))
        for (index, member) in members.enumerated() {
            if index > 0 { writeByte(UInt8(ascii: ",")) }
            writeString(member.key)
            writeByte(UInt8(ascii: ":"))
            writeExtensionValue(member.value)
        }
        writeByte(UInt8(ascii: "}"))
    }

    private mutating func writeExtensionValue(_ value: ErrorExtensionValue) {
        switch value {
        case .string(let s): writeString(s)
        case .int(let i): writeInt(i)
        case .double(let d): writeDouble(d)
        case .bool(let b): writeBool(b)
        case .null: writeNull()
        case .list(let items):
            writeByte(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { writeByte(UInt8(ascii: ",")) }
                writeExtensionValue(item)
            }
            writeByte(UInt8(ascii: "]"))
        case .object(let members):
            writeExtensionObject(members)
        }
    }
}

/// Errors that stop a request before execution: the response has no `data` (spec 7.1).
struct RequestErrors: Error {
    var errors: [GraphQLError]
}
