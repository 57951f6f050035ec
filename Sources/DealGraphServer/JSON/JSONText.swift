/// Writes the few JSON bodies the transport produces itself (errors before GraphQL runs).
enum JSONText {
    /// `value` as a JSON string literal, escaped like `JSON.stringify` (RFC 8259 section 7).
    static func quoted(_ value: String) -> String {
        var out = "\""
        out.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }

    /// `{"errors":[{"message":...}]}`: the GraphQL-over-HTTP body of a request refused by the
    /// transport (not a well-formed request), optionally with `extensions.code`.
    static func requestErrors(_ message: String, code: String? = nil) -> String {
        let extensions = code.map { #","extensions":{"code":\#(quoted($0))}"# } ?? ""
        return #"{"errors":[{"message":\#(quoted(message))\#(extensions)}]}"#
    }
}
