import Synchronization

/// The text of a GraphQL document together with a name used in error reports.
///
/// Offsets everywhere in the language layer are UTF-8 byte offsets into `body`.
public struct Source: Sendable, Hashable {
    /// The document text.
    public let body: String
    /// A name for the text, e.g. a file name; graphql-js uses "GraphQL request".
    public let name: String
    /// Where the lines start, found on the first `location(of:)`.
    ///
    /// Trade-off: a box is allocated with every source (one small allocation, a few hundred
    /// instructions beside a parse of tens of thousands), and the table is built only when a
    /// location is first asked for, which happens only for errors. Building it in `init`
    /// instead would scan every request's text for nothing; rescanning on every lookup, as
    /// before, made a response with thousands of error locations quadratic.
    private let lines = LineTableBox()

    /// Creates a source from document text.
    public init(_ body: String, name: String = "GraphQL request") {
        self.body = body
        self.name = name
    }

    /// The 1-based line and column of a byte offset, as graphql-js reports them.
    ///
    /// Spec: LineTerminator :: "New Line (U+000A)" | "Carriage Return (U+000D)" [lookahead != U+000A]
    /// | "Carriage Return (U+000D)" "New Line (U+000A)". Columns count UTF-16 code units like
    /// graphql-js (JavaScript string indices), so a client sees the same figures from both.
    /// Offsets outside the body are clamped to it. After the first call, a lookup is a binary
    /// search plus a scan of at most 64 bytes.
    public func location(of offset: Int) -> SourceLocation {
        lines.table(for: body).location(of: offset, in: body)
    }

    /// Sources are equal when their text and name are; the cached line table does not take part.
    public static func == (lhs: Source, rhs: Source) -> Bool {
        lhs.body == rhs.body && lhs.name == rhs.name
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(body)
        hasher.combine(name)
    }
}

/// Holds a source's `LineTable` once it is built; safe to share between threads.
private final class LineTableBox: Sendable {
    private let table = Mutex<LineTable?>(nil)

    func table(for body: String) -> LineTable {
        table.withLock { table in
            if let table { return table }
            let built = LineTable(body)
            table = built
            return built
        }
    }
}

/// The byte offset at which each line of a body starts, and for bodies that are not all ASCII
/// the UTF-16 offset at every 64th byte, so that a column never needs a long scan, even on a
/// minified document that is one long line.
private struct LineTable: Sendable {
    /// Byte offsets of line starts; the first is 0.
    let lineStarts: [Int]
    /// `utf16Marks[k]` is the UTF-16 length of the first `k * markStride` bytes; empty when the
    /// body is ASCII, where byte and UTF-16 offsets coincide.
    let utf16Marks: [Int]
    static let markStride = 64

    init(_ body: String) {
        var text = body
        (lineStarts, utf16Marks) = text.withUTF8 { bytes in
            var starts = [0]
            var marks: [Int] = []
            var units = 0
            var isASCII = true
            var index = 0
            while index < bytes.count {
                if index % LineTable.markStride == 0 { marks.append(units) }
                let byte = bytes[index]
                if byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }
                isASCII = isASCII && byte < 0x80
                index += 1
                if byte == 0x0A || (byte == 0x0D && (index == bytes.count || bytes[index] != 0x0A)) {
                    starts.append(index)
                }
            }
            // A mark for the end itself when it falls on a stride boundary.
            if bytes.count % LineTable.markStride == 0 { marks.append(units) }
            return (starts, isASCII ? [] : marks)
        }
    }

    func location(of offset: Int, in body: String) -> SourceLocation {
        var text = body
        return text.withUTF8 { bytes in
            let end = min(max(offset, 0), bytes.count)
            // The last line start at or before `end`.
            var low = 0
            var high = lineStarts.count
            while high - low > 1 {
                let middle = (low + high) / 2
                if lineStarts[middle] <= end { low = middle } else { high = middle }
            }
            let column = utf16Offset(of: end, in: bytes) - utf16Offset(of: lineStarts[low], in: bytes) + 1
            return SourceLocation(line: low + 1, column: column)
        }
    }

    /// The UTF-16 length of the first `offset` bytes: a code point counts 1, or 2 above U+FFFF.
    private func utf16Offset(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard !utf16Marks.isEmpty else { return offset }
        let mark = offset / LineTable.markStride
        var units = utf16Marks[mark]
        for byte in bytes[(mark * LineTable.markStride)..<offset] where byte & 0xC0 != 0x80 {
            units += byte >= 0xF0 ? 2 : 1
        }
        return units
    }
}

/// A 1-based line and column in a source, as reported in GraphQL errors.
public struct SourceLocation: Sendable, Hashable, Comparable {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in UTF-16 code units like graphql-js.
    public var column: Int

    /// Creates a line and column pair.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// The byte range `start..<end` of a node in its source.
///
/// Equality and hashing deliberately ignore the offsets: two AST nodes are equal when they
/// describe the same syntax, wherever they appear. That makes `parse(print(doc)) == doc` hold and
/// lets validation compare argument values directly (OverlappingFieldsCanBeMerged). To tell two
/// occurrences apart, compare `start`.
public struct Location: Sendable, Hashable, CustomStringConvertible {
    // 32-bit offsets keep every node small; the parser rejects sources of 4 GiB or more.
    private let startOffset: UInt32
    private let endOffset: UInt32

    /// Byte offset of the node's first character.
    public var start: Int { Int(startOffset) }
    /// Byte offset just after the node's last character.
    public var end: Int { Int(endOffset) }

    /// Creates a location covering `start..<end`.
    public init(start: Int, end: Int) {
        startOffset = UInt32(truncatingIfNeeded: start)
        endOffset = UInt32(truncatingIfNeeded: end)
    }

    /// The location of nodes built in code rather than parsed.
    public static let none = Location(start: 0, end: 0)

    public static func == (lhs: Location, rhs: Location) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}

    public var description: String { "\(start)..<\(end)" }
}
