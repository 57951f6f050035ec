/// Secret comparison whose duration does not depend on where the inputs differ.
public enum ConstantTime {
    /// True when `a` and `b` have the same UTF-8 bytes. Every byte of the longer input is
    /// visited, so the time reveals at most the length of the secret.
    public static func equal(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        var difference = UInt64(left.count ^ right.count)
        for index in 0..<max(left.count, right.count) {
            let x = index < left.count ? left[index] : 0
            let y = index < right.count ? right[index] : 0
            difference |= UInt64(x ^ y)
        }
        return difference == 0
    }
}
