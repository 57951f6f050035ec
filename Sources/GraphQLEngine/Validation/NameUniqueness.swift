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
