// Duplicate detection for the uniqueness rules, without allocating in the common case: lists
// of a few names are compared pairwise, long lists (hostile documents) go through a dictionary.

/// Calls `body(first, position)` for every position whose name already occurred at `first`.
func forEachRepeatedName(count: Int, name: (Int) -> String, _ body: (Int, Int) -> Void) {
    guard count > 1 else { return }
    if count <= 16 {
        for position in 1..<count {
            let current = name(position)
            if let first = (0..<position).first(where: { name($0) == current }) { body(first, position) }
        }
        return
    }
    var firsts: [String: Int] = [:]
    for position in 0..<count {
        let current = name(position)
        if let first = firsts[current] { body(first, position) } else { firsts[current] = position }
    }
}

/// Calls `body(positions)` once for every name that occurs more than once, with all of its
/// positions, in the order the names first occur.
func forEachDuplicateNameGroup(count: Int, name: (Int) -> String, _ body: ([Int]) -> Void) {
    guard count > 1 else { return }
    var groups: [Int: [Int]] = [:]
    var order: [Int] = []
    forEachRepeatedName(count: count, name: name) { first, position in
        if groups[first] == nil {
            groups[first] = [first]
            order.append(first)
        }
        groups[first]?.append(position)
    }
    for first in order { body(groups[first] ?? []) }
}

/// Positions by name for the few names a document usually has: a linear scan over short lists
/// (no hashing), a dictionary for long ones. A later insertion of a name replaces the earlier.
struct NameIndex {
    private var names: [String] = []
    private var positions: [Int] = []
    private var table: [String: Int] = [:]

    mutating func insert(_ name: String, at position: Int) {
        if let existing = index(of: name) {
            positions[existing] = position
            return
        }
        names.append(name)
        positions.append(position)
        if names.count > 16 {
            if table.isEmpty { for (offset, existing) in names.enumerated() { table[existing] = offset } }
            table[name] = names.count - 1
        }
    }

    /// How many distinct names the index holds.
    var count: Int { names.count }

    subscript(name: String) -> Int? {
        index(of: name).map { positions[$0] }
    }

    private func index(of name: String) -> Int? {
        if names.count > 16 { return table[name] }
        return names.firstIndex(of: name)
    }
}
