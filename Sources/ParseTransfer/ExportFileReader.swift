import Foundation

/// Streams the objects of one exported class file without holding the file in memory. Accepted
/// shapes: Parse's `{"results": [ {...}, ... ]}` (Parse Dashboard and Back4app), a JSON array of
/// objects, or objects one after another (JSON Lines, as mongoexport writes them). An object larger
/// than `maximumObjectBytes` is refused when it passes that size, before it is read further.
public struct ExportFileReader: ~Copyable {
    public let path: String
    public let maximumObjectBytes: Int
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8] = []
    /// Bytes of the file dropped from the front of `buffer` so far.
    private var dropped = 0
    private var position = 0
    private var endOfFile = false
    private var phase = Phase.start
    /// Objects returned so far.
    public private(set) var count = 0
    /// The file's size and the bytes read so far, for a progress bar.
    public let size: Int
    public var bytesRead: Int { dropped + position }

    private enum Phase { case start, array(wrapped: Bool, first: Bool), lines, done }
    private static let chunk = 1 << 20

    public init(path: String, maximumObjectBytes: Int = 16 << 20) throws(TransferError) {
        guard let file = fopen(path, "rb") else { throw TransferError("\(path): cannot be opened (\(String(cString: strerror(errno))))") }
        self.path = path
        self.file = file
        self.size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        self.maximumObjectBytes = maximumObjectBytes
    }

    deinit { fclose(file) }

    /// The next object's JSON bytes; nil after the last one.
    public mutating func next() throws(TransferError) -> [UInt8]? {
        while true {
            switch phase {
            case .done:
                return nil
            case .start:
                try skipSpace(allowBOM: true)
                guard let byte = try peek() else { throw failure("the file is empty; expected {\"results\": [...]}, an array or JSON lines") }
                if byte == UInt8(ascii: "[") {
                    position += 1
                    phase = .array(wrapped: false, first: true)
                } else if byte == UInt8(ascii: "{"), try opensResults() {
                    phase = .array(wrapped: true, first: true)
                } else if byte == UInt8(ascii: "{") {
                    phase = .lines
                } else {
                    throw failure("expected {\"results\": [...]}, an array of objects or JSON lines")
                }
            case .array(let wrapped, let first):
                try skipSpace()
                guard let byte = try peek() else { throw failure("the file ends inside the list of objects") }
                if byte == UInt8(ascii: "]") {
                    position += 1
                    if wrapped { try skipRestOfWrapper() }
                    try expectEnd()
                    phase = .done
                    continue
                }
                if !first {
                    guard byte == UInt8(ascii: ",") else { throw failure("expected ',' or ']' after object \(count)") }
                    position += 1
                    try skipSpace()
                }
                phase = .array(wrapped: wrapped, first: false)
                return try object()
            case .lines:
                try skipSpace()
                if try peek() == nil { phase = .done; continue }
                return try object()
            }
        }
    }

    // MARK: scanning

    /// One object from `position`: its bytes, found by tracking strings and nesting.
    private mutating func object() throws(TransferError) -> [UInt8] {
        guard try peek() == UInt8(ascii: "{") else { throw failure("object \(count + 1) is not a JSON object") }
        var nesting = JSONNesting()
        var index = position
        while true {
            if index == buffer.count {
                let shift = try refill(keeping: position)
                (index, position) = (index - shift, position - shift)
                if index == buffer.count { throw failure("the file ends inside object \(count + 1)") }
            }
            if index - position > maximumObjectBytes {
                throw failure("object \(count + 1) is larger than \(maximumObjectBytes >> 20) MiB")
            }
            let closed = nesting.closes(buffer[index])
            index += 1
            if closed {
                let bytes = Array(buffer[position..<index])
                position = index
                count += 1
                return bytes
            }
        }
    }

    /// True when the `{` at `position` opens `{"results": [`; then `position` is past the `[`.
    private mutating func opensResults() throws(TransferError) -> Bool {
        let saved = position
        position += 1
        try skipSpace()
        let key = Array("\"results\"".utf8)
        for byte in key {
            guard try peek() == byte else { position = saved; return false }
            position += 1
        }
        try skipSpace()
        guard try peek() == UInt8(ascii: ":") else { throw failure("expected ':' after \"results\"") }
        position += 1
        try skipSpace()
        guard try peek() == UInt8(ascii: "[") else { throw failure("\"results\" is not a list of objects") }
        position += 1
        return true
    }

    /// Skips what follows the results list inside the wrapper object (other keys), to its `}`.
    private mutating func skipRestOfWrapper() throws(TransferError) {
        var nesting = JSONNesting(depth: 1)
        while true {
            guard let byte = try peek() else { throw failure("the file ends inside the {\"results\": ...} object") }
            position += 1
            if nesting.closes(byte) { return }
        }
    }

    private mutating func expectEnd() throws(TransferError) {
        try skipSpace()
        if try peek() != nil { throw failure("unexpected data after the list of objects") }
    }

    private mutating func skipSpace(allowBOM: Bool = false) throws(TransferError) {
        if allowBOM, try peek() == 0xEF {
            for byte: UInt8 in [0xEF, 0xBB, 0xBF] {
                guard try peek() == byte else { throw failure("the file does not start with JSON") }
                position += 1
            }
        }
        while let byte = try peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    /// The byte at `position`, reading more of the file when needed; nil at the end of the file.
    private mutating func peek() throws(TransferError) -> UInt8? {
        if position == buffer.count {
            position -= try refill(keeping: position)
            if position == buffer.count { return nil }
        }
        return buffer[position]
    }

    /// Reads the next chunk, first dropping the bytes before `keeping`; returns how far indexes
    /// moved (subtract it from any index held).
    private mutating func refill(keeping: Int) throws(TransferError) -> Int {
        guard !endOfFile else { return 0 }
        let shift = keeping
        if shift > 0 {
            buffer.removeFirst(shift)
            dropped += shift
        }
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: Self.chunk))
        let read = buffer.withUnsafeMutableBufferPointer { fread($0.baseAddress! + old, 1, Self.chunk, file) }
        buffer.removeLast(Self.chunk - read)
        if read < Self.chunk {
            if ferror(file) != 0 { throw failure("cannot be read (\(String(cString: strerror(errno))))") }
            endOfFile = true
        }
        return shift
    }

    private func failure(_ message: String) -> TransferError {
        TransferError("\(path): \(message) (byte \(dropped + position))")
    }
}

/// Where a JSON text's bytes stand: inside a string (and after a backslash in it) and how deep in
/// objects and arrays; enough to find where a value ends without parsing it.
struct JSONNesting {
    var depth = 0
    private var inString = false, escaped = false

    init(depth: Int = 0) { self.depth = depth }

    /// Takes the next byte; true when it closes the outermost object or array.
    mutating func closes(_ byte: UInt8) -> Bool {
        if inString {
            if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
            return false
        }
        switch byte {
        case UInt8(ascii: "\""): inString = true
        case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            depth -= 1
            return depth == 0
        default: break
        }
        return false
    }
}
