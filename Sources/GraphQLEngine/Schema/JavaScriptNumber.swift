/// Numbers in the text form of JavaScript's `Number.prototype.toString` (ECMA-262
/// "Number::toString"), so that responses and messages read as graphql-js writes them:
/// `10.5`, `100` (not `100.0`), `1e+21`, `1e-7`.
enum JavaScriptNumber {
    /// The integer `value` equals, when it is one and fits in `Int` (JavaScript's
    /// `Number.isInteger` for the values an `Int` holds); checked without libm.
    @inline(__always)
    static func integer(_ value: Double) -> Int? {
        guard abs(value) < 9.2e18 else { return nil }
        let truncated = Int(value)
        return Double(truncated) == value ? truncated : nil
    }

    /// `value` as `digits / 10^scale` with the fewest digits that read back as `value`, when
    /// that is JavaScript's text of it in plain notation with at most 15 digits (the fraction
    /// `10.5`, not `1e-7`); found without formatting a string.
    ///
    /// `digits` and `10^scale` are exact doubles, so their correctly rounded quotient equals
    /// `value` exactly when the decimal reads back as `value`; the smallest such scale gives the
    /// shortest digits, and below 10^15 no two decimals of that length read back as the same
    /// double, so this is the one `Number::toString` picks.
    static func shortDecimal(_ value: Double) -> (digits: Int, scale: Int)? {
        let magnitude = abs(value)
        guard magnitude >= 1e-6, magnitude < 1e15, value.rounded(.towardZero) != value else { return nil }
        var power = 1.0
        for scale in 1...21 {
            power *= 10
            let scaled = (value * power).rounded()
            guard abs(scaled) < 1e15 else { return nil }
            if scaled / power == value { return (Int(scaled), scale) }
        }
        return nil
    }

    /// The JavaScript text of `value`.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return "0" }
        if let integer = integer(value), abs(value) < 9.0e15 {
            return String(integer)
        }
        // Swift's description has the shortest round-tripping digits, as JavaScript requires;
        // only where the decimal point and the exponent go differs.
        let text = value.description
        var digits: [UInt8] = []
        var pointPosition = 0
        var exponent = 0
        var seenPoint = false
        var negative = false
        var utf8 = text.utf8[...]
        if utf8.first == UInt8(ascii: "-") {
            negative = true
            utf8 = utf8.dropFirst()
        }
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                exponent = Int(String(decoding: utf8[utf8.index(after: index)...], as: UTF8.self)) ?? 0
                break
            }
            if byte == UInt8(ascii: ".") {
                seenPoint = true
            } else {
                digits.append(byte)
                if !seenPoint { pointPosition += 1 }
            }
            index = utf8.index(after: index)
        }
        var n = pointPosition + exponent
        while digits.first == UInt8(ascii: "0") {
            digits.removeFirst()
            n -= 1
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        let k = digits.count
        var out: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        let zero = UInt8(ascii: "0")
        if k <= n && n <= 21 {
            out += digits
            out += repeatElement(zero, count: n - k)
        } else if 0 < n && n <= 21 {
            out += digits[..<n]
            out.append(UInt8(ascii: "."))
            out += digits[n...]
        } else if -6 < n && n <= 0 {
            out += [zero, UInt8(ascii: ".")]
            out += repeatElement(zero, count: -n)
            out += digits
        } else {
            let e = n - 1
            out.append(digits[0])
            if k > 1 {
                out.append(UInt8(ascii: "."))
                out += digits[1...]
            }
            out += Array("e\(e < 0 ? "-" : "+")\(abs(e))".utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
