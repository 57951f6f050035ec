/// Why a JSON text was refused: a message safe to show to the client and the byte offset.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. "Unexpected character '}'".
    public var message: String
    /// Offset of the offending byte in the input.
    public var offset: Int

    /// The message and where it happened, for the client.
    public var description: String { "\(message) at byte \(offset)" }
}

/// Reads a JSON text (RFC 8259) from raw bytes into a ``GraphQLValue``, the form in which the
/// engine takes variables.
///
/// Built for hostile input: nesting deeper than `maxDepth` is refused before it can exhaust the
/// stack, invalid UTF-8 and lone surrogate escapes are refused (a Swift `String` cannot hold
/// them), and a repeated object key keeps its last value, as `JSON.parse` does, without
/// quadratic work. Numbers become `.int` when they are integers JavaScript holds exactly
/// (|n| < 2^53), else `.float`, so `1.0` is the integer 1 as in `JSON.parse`.
public struct JSONReader: ~Copyable {
    /// Default nesting limit: far above any real variables object, far below the stack's.
    public static let defaultMaxDepth = 64

    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    let maxDepth: Int

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// Parses `bytes` as one JSON value, with optional whitespace around it.
    public static func parse(
        _ bytes: some Collection<UInt8>, maxDepth: Int = defaultMaxDepth
    ) throws(JSONSyntaxError) -> GraphQLValue {
        let result: Result<GraphQLValue, JSONSyntaxError>? = bytes.withContiguousStorageIfAvailable { buffer in
            parseResult(buffer, maxDepth: maxDepth)
        }
        if let result { return try result.get() }
        return try Array(bytes).withUnsafeBufferPointer { parseResult($0, maxDepth: maxDepth) }.get()
    }

    private static func parseResult(
        _ buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int
    ) -> Result<GraphQLValue, JSONSyntaxError> {
        var reader = JSONReader(bytes: buffer, maxDepth: maxDepth)
        do throws(JSONSyntaxError) {
            return .success(try reader.document())
        } catch {
            return .failure(error)
        }
    }

    mutating func document() throws(JSONSyntaxError) -> GraphQLValue {
        skipWhitespace()
        if position == bytes.count { throw failure("Empty JSON text") }
        let value = try self.value(depth: 0)
        skipWhitespace()
        if position != bytes.count { throw unexpected() }
        return value
    }

    mutating func value(depth: Int) throws(JSONSyntaxError) -> GraphQLValue {
        guard position < bytes.count else { throw failure("Unexpected end of JSON input") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try keyword("true"); return .boolean(true)
        case UInt8(ascii: "f"): try keyword("false"); return .boolean(false)
        case UInt8(ascii: "n"): try keyword("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw unexpected()
        }
    }

    mutating func object(depth: Int) throws(JSONSyntaxError) -> GraphQLValue {
        if depth > maxDepth { throw failure("JSON nested deeper than \(maxDepth) levels") }
        position += 1
        var names: [String] = []
        var values: [GraphQLValue] = []
        var slots: [String: Int] = [:]
        skipWhitespace()
        if try consume(UInt8(ascii: "}")) { return .object(Record(shape: RecordShape([]), values: [])) }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw unexpected() }
            let name = try string()
            skipWhitespace()
            guard try consume(UInt8(ascii: ":")) else { throw unexpected() }
            skipWhitespace()
            let item = try value(depth: depth)
            if let slot = slots[name] {
                values[slot] = item
            } else {
                slots[name] = names.count
                names.append(name)
                values.append(item)
            }
            skipWhitespace()
            if try consume(UInt8(ascii: ",")) { continue }
            if try consume(UInt8(ascii: "}")) { break }
            throw unexpected()
        }
        return .object(Record(shape: RecordShape(names), values: values))
    }

    mutating func array(depth: Int) throws(JSONSyntaxError) -> GraphQLValue {
        if depth > maxDepth { throw failure("JSON nested deeper than \(maxDepth) levels") }
        position += 1
        var items: [GraphQLValue] = []
        skipWhitespace()
        if try consume(UInt8(ascii: "]")) { return .list(items) }
        while true {
            skipWhitespace()
            items.append(try value(depth: depth))
            skipWhitespace()
            if try consume(UInt8(ascii: ",")) { continue }
            if try consume(UInt8(ascii: "]")) { break }
            throw unexpected()
        }
        return .list(items)
    }

    mutating func keyword(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - position >= count else { throw failure("Unexpected end of JSON input") }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] {
            position += offset
            throw unexpected()
        }
        position += count
    }

    /// RFC 8259 section 6: `-? int frac? exp?` with no leading zeros.
    mutating func number() throws(JSONSyntaxError) -> GraphQLValue {
        let start = position
        var isInteger = true
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw invalidNumber(at: start) }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) { throw failure("Leading zero in number") }
        } else {
            skipDigits()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw invalidNumber(at: start) }
            skipDigits()
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else { throw invalidNumber(at: start) }
            skipDigits()
        }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<position])
        if isInteger, text.count <= 16, let integer = Int(decoding: text), abs(integer) < 1 << 53 {
            return .int(integer)
        }
        guard let double = Double(String(decoding: text, as: UTF8.self)) else { throw invalidNumber(at: start) }
        // JSON.parse yields Infinity for 1e400; GraphQL's scalars refuse non-finite numbers.
        if let integer = exactInteger(double) { return .int(integer) }
        return .float(double)
    }

    private func exactInteger(_ value: Double) -> Int? {
        guard value.isFinite, abs(value) < 9_007_199_254_740_992, value == value.rounded(.towardZero) else {
            return nil
        }
        return Int(value)
    }

    private mutating func skipDigits() {
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }

    @inline(__always)
    func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    mutating func consume(_ byte: UInt8) throws(JSONSyntaxError) -> Bool {
        guard position < bytes.count else { throw failure("Unexpected end of JSON input") }
        guard bytes[position] == byte else { return false }
        position += 1
        return true
    }

    func failure(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(message: message, offset: position)
    }

    func unexpected() -> JSONSyntaxError {
        guard position < bytes.count else { return failure("Unexpected end of JSON input") }
        let byte = bytes[position]
        if byte >= 0x21 && byte < 0x7F {
            return failure("Unexpected character '\(Character(Unicode.Scalar(byte)))'")
        }
        return failure("Unexpected byte 0x\(String(byte, radix: 16, uppercase: true))")
    }

    func invalidNumber(at start: Int) -> JSONSyntaxError {
        JSONSyntaxError(message: "Invalid number", offset: start)
    }
}

extension Int {
    /// Parses ASCII decimal digits with an optional leading '-', or nil on overflow.
    fileprivate init?(decoding text: UnsafeBufferPointer<UInt8>) {
        var index = 0
        var negative = false
        if text.first == UInt8(ascii: "-") {
            negative = true
            index = 1
        }
        var value = 0
        while index < text.count {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(text[index] &- UInt8(ascii: "0")))
            if overflow1 || overflow2 { return nil }
            value = sum
            index += 1
        }
        self = negative ? -value : value
    }
}
