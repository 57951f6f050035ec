/// The text of a GraphQL document together with a name used in error reports.
///
/// Offsets everywhere in the language layer are UTF-8 byte offsets into `body`.
public struct Source: Sendable, Hashable {
    /// The document text.
    public let body: String
    /// A name for the text, e.g. a file name; graphql-js uses "GraphQL request".
    public let name: String

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
    /// The scan is linear; it runs only when an error is reported.
    public func location(of offset: Int) -> SourceLocation {
        var text = body
        return text.withUTF8 { bytes in
            let end = min(max(offset, 0), bytes.count)
            var line = 1
            var lineStart = 0
            var index = 0
            while index < end {
                let byte = bytes[index]
                index += 1
                if byte == 0x0A {
                    line += 1
                    lineStart = index
                } else if byte == 0x0D {
                    if index < bytes.count && bytes[index] == 0x0A { index += 1 }
                    line += 1
                    lineStart = index
                }
            }
            var column = 1
            for byte in bytes[lineStart..<max(lineStart, end)] where byte & 0xC0 != 0x80 {
                column += byte >= 0xF0 ? 2 : 1
            }
            return SourceLocation(line: line, column: column)
        }
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
