import Foundation

/// A file only its owner may read or write (mode 0600 from its creation, never wider for a
/// moment): exports hold password hashes and ACLs, reports hold field values.
final class PrivateFile {
    let path: String
    private let stream: UnsafeMutablePointer<FILE>
    private var pending: [UInt8] = []
    private var closed = false

    init(path: String) throws(TransferError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0, fchmod(descriptor, 0o600) == 0, let stream = fdopen(descriptor, "w") else {
            throw TransferError("\(path): cannot be written (\(String(cString: strerror(errno))))")
        }
        self.path = path
        self.stream = stream
    }

    func write(_ text: String) throws(TransferError) {
        pending.append(contentsOf: text.utf8)
        if pending.count >= 1 << 20 { try flush() }
    }

    deinit { if !closed { fclose(stream) } }

    func close() throws(TransferError) {
        try flush()
        closed = true
        guard fclose(stream) == 0 else { throw TransferError("\(path): cannot be written (\(String(cString: strerror(errno))))") }
    }

    private func flush() throws(TransferError) {
        let written = pending.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, stream) }
        guard written == pending.count else { throw TransferError("\(path): cannot be written (\(String(cString: strerror(errno))))") }
        pending.removeAll(keepingCapacity: true)
    }
}
