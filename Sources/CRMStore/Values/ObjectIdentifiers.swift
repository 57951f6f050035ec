/// Random identifiers: objectIds and session tokens, from the system CSPRNG
/// (`SystemRandomNumberGenerator` reads getrandom(2) / arc4random).
enum RandomIdentifier {
    private static let alphanumerics = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    /// 10 alphanumeric characters, as Parse's objectIds (drawn without modulo bias).
    static func objectId() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        for _ in 0..<10 { bytes.append(alphanumerics[Int.random(in: 0..<alphanumerics.count, using: &generator)]) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `r:` + 32 lowercase hex characters (128 random bits), as Parse's revocable session tokens.
    static func sessionToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        return "r:" + hex(high) + hex(low)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
