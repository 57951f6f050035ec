import Foundation

/// Bind parameters in text format, laid out as NUL-terminated C strings in one allocation.
struct ParameterTexts: ~Copyable {
    private let buffer: UnsafeMutablePointer<CChar>?
    private let pointers: UnsafeMutablePointer<UnsafePointer<CChar>?>
    let count: Int

    /// PostgreSQL text cannot hold NUL, and a C string would silently cut the value there; such a
    /// value fails the way the server reports it for a literal.
    static let nulByteError = PostgresError(
        kind: .server, sqlState: "22021", message: "invalid byte sequence for encoding \"UTF8\": 0x00"
    )

    init(_ parameters: [PostgresValue]) throws(PostgresError) {
        let texts = parameters.map(\.parameterText)
        var size = 0
        for text in texts {
            guard let text else { continue }
            if text.utf8.contains(0) { throw Self.nulByteError }
            size += text.utf8.count + 1
        }
        count = texts.count
        pointers = .allocate(capacity: max(1, texts.count))
        buffer = size > 0 ? .allocate(capacity: size) : nil
        var offset = 0
        for (index, text) in texts.enumerated() {
            guard let text, let buffer else {
                pointers[index] = nil
                continue
            }
            let start = buffer + offset
            let length = text.utf8.count
            if length > 0 {
                copy(text, to: start)
            }
            start[length] = 0
            pointers[index] = UnsafePointer(start)
            offset += length + 1
        }
    }

    private func copy(_ text: String, to start: UnsafeMutablePointer<CChar>) {
        text.utf8.withContiguousStorageIfAvailable { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    start.update(from: chars.baseAddress!, count: chars.count)
                }
            } ?? {
                for (position, byte) in text.utf8.enumerated() { start[position] = CChar(bitPattern: byte) }
            }()
    }

    deinit {
        buffer?.deallocate()
        pointers.deallocate()
    }

    func withPointers<R>(_ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        body(pointers)
    }
}
