/// A byte offset in a source, not yet turned into a line and column.
///
/// `Source.location(of:)` scans the text up to the offset, so resolving the positions of a
/// schema's errors one by one would take time proportional to their number times the size of
/// the document (a cycle through thousands of input fields has thousands). Resolved together,
/// each source is scanned once, slice by slice between consecutive offsets.
struct SourcePosition {
    let source: Source
    let offset: Int

    /// Errors with the messages and positions of `problems`, resolved together.
    static func errors(_ problems: [(message: String, positions: [SourcePosition])]) -> [GraphQLError] {
        let locations = locations(of: problems.flatMap(\.positions))
        var next = 0
        return problems.map { problem in
            defer { next += problem.positions.count }
            return GraphQLError(problem.message, locations: Array(locations[next..<next + problem.positions.count]))
        }
    }

    /// The lines and columns of `positions`, in their order.
    static func locations(of positions: [SourcePosition]) -> [SourceLocation] {
        var resolved = [SourceLocation](repeating: SourceLocation(line: 1, column: 1), count: positions.count)
        var remaining = Array(positions.indices)
        while let first = remaining.first {
            let source = positions[first].source
            // Usually one source; `==` on the same text is a storage comparison.
            let same = remaining.filter { positions[$0].source == source }
            remaining.removeAll { positions[$0].source == source }
            let sorted = same.sorted { positions[$0].offset < positions[$1].offset }
            let locations = source.locations(ofAscending: sorted.map { positions[$0].offset })
            for (index, location) in zip(sorted, locations) { resolved[index] = location }
        }
        return resolved
    }
}

extension Source {
    /// The line and column of each offset of an ascending list, in one pass: each step applies
    /// `location(of:)` to the text since the previous offset. Offsets are node starts, so a slice
    /// never separates a carriage return from its line feed.
    func locations(ofAscending offsets: [Int]) -> [SourceLocation] {
        let bytes = Array(body.utf8)
        var locations: [SourceLocation] = []
        locations.reserveCapacity(offsets.count)
        var current = SourceLocation(line: 1, column: 1)
        var start = 0
        for offset in offsets {
            let end = min(max(offset, start), bytes.count)
            let slice = String(decoding: bytes[start..<end], as: UTF8.self)
            let step = Source(slice).location(of: slice.utf8.count)
            current = step.line == 1
                ? SourceLocation(line: current.line, column: current.column + step.column - 1)
                : SourceLocation(line: current.line + step.line - 1, column: step.column)
            locations.append(current)
            start = end
        }
        return locations
    }
}
