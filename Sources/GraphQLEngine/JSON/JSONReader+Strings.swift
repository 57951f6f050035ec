extension JSONReader {
    /// RFC 8259 section 7: a string, with its escapes decoded and its UTF-8 validated.
    /// Runs of plain bytes are copied at once; `\uXXXX` pairs become one scalar.
    mutating func string() throws(JSONSyntaxError) -> String {
        position += 1
        var runStart = position
        var decoded: [UInt8]? = nil
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let result = try finish(run: runStart, into: &decoded)
                position += 1
                return result
            }
            if byte == UInt8(ascii: "\\") {
                var buffer = decoded ?? []
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                try escape(into: &buffer)
                decoded = buffer
                runStart = position
                continue
            }
            if byte < 0x20 { throw failure("Control character in string") }
            position += 1
        }
        throw failure("Unterminated string")
    }

    private func finish(run runStart: Int, into decoded: inout [UInt8]?) throws(JSONSyntaxError) -> String {
        let run = UnsafeBufferPointer(rebasing: bytes[runStart..<position])
        let text: String?
        if var buffer = decoded {
            buffer.append(contentsOf: run)
            text = String(validating: buffer, as: UTF8.self)
        } else {
            text = String(validating: run, as: UTF8.self)
        }
        guard let text else { throw JSONSyntaxError(message: "Invalid UTF-8 in string", offset: runStart) }
        return text
    }

    /// Decodes one escape sequence starting at the backslash and appends its UTF-8 bytes.
    private mutating func escape(into buffer: inout [UInt8]) throws(JSONSyntaxError) {
        position += 1
        guard position < bytes.count else { throw failure("Unterminated string") }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(byte)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try hexUnit()
            var scalarValue = UInt32(unit)
            if (0xD800...0xDBFF).contains(unit) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else { throw failure("Lone surrogate in \\u escape") }
                position += 2
                let low = try hexUnit()
                guard (0xDC00...0xDFFF).contains(low) else { throw failure("Lone surrogate in \\u escape") }
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw failure("Lone surrogate in \\u escape")
            }
            // Every value left is a valid scalar: surrogates were handled above.
            buffer.append(contentsOf: String(Character(Unicode.Scalar(scalarValue)!)).utf8)
        default:
            position -= 1
            throw failure("Invalid escape sequence")
        }
    }

    private mutating func hexUnit() throws(JSONSyntaxError) -> UInt16 {
        guard bytes.count - position >= 4 else { throw failure("Invalid \\u escape") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("Invalid \\u escape")
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }
}
