import Foundation

/// A secret with no default value: read from its file under `.dealgraph/`, or generated from the
/// system's CSPRNG on first use and written there readable by the owner only (0600).
public enum SecretFile {
    /// The secret in `path`, creating it (and its folder, 0700) when missing. `created` is true
    /// when this call generated it.
    public static func loadOrCreate(at path: String, bytes: Int = 24) throws -> (secret: String, created: Bool) {
        let manager = FileManager.default
        if let data = manager.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
            !text.isEmpty
        {
            return (text, false)
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        guard manager.createFile(atPath: path, contents: Data((secret + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        // createFile's attributes pass through the umask; make sure the mode is exactly 0600.
        try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        return (secret, true)
    }
}
