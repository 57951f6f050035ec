extension ValidationContext {
    /// Spec 5.5.2.2 Fragment Spreads Must Not Form Cycles: "For each fragmentDefinition in the
    /// document, let visited be the empty set. DetectFragmentCycles(fragmentDefinition, visited)."
    ///
    /// Each fragment is explored once for the whole document, so the check is linear in the
    /// number of spreads. The depth-first search keeps its own stack: a chain of thousands of
    /// fragments must not exhaust the thread's stack.
    mutating func checkNoFragmentCycles(_ fragment: FragmentDefinitionNode, at start: Int) {
        let canonical = fragmentIndex[fragment.name.value] ?? start
        guard !cycleCheckedFragments[canonical] else { return }
        cycleCheckedFragments[canonical] = true
        let spreads = fragmentSpreads(ofDefinition: start)
        if spreads.isEmpty { return }
        // The spreads taken from the start fragment to the current one, and for each fragment
        // on that path the position of its entry.
        var path: [FragmentSpreadNode] = []
        var pathIndex: [String: Int] = [fragment.name.value: 0]
        var frames: [(name: String, spreads: [FragmentSpreadNode], next: Int)] =
            [(fragment.name.value, spreads, 0)]
        while !frames.isEmpty {
            let top = frames.count - 1
            guard frames[top].next < frames[top].spreads.count else {
                pathIndex[frames[top].name] = nil
                frames.removeLast()
                if !path.isEmpty { path.removeLast() }
                continue
            }
            let spread = frames[top].spreads[frames[top].next]
            frames[top].next += 1
            let name = spread.name.value
            path.append(spread)
            if let cycleStart = pathIndex[name] {
                let cycle = Array(path[cycleStart...])
                let via = cycle.dropLast().map { "\"\($0.name.value)\"" }.joined(separator: ", ")
                report("Cannot spread fragment \"\(name)\" within itself" + (via.isEmpty ? "." : " via \(via)."),
                       at: cycle.map(\.loc))
                path.removeLast()
            } else if let position = fragmentIndex[name], !cycleCheckedFragments[position] {
                cycleCheckedFragments[position] = true
                pathIndex[name] = path.count
                frames.append((name, fragmentSpreads(ofDefinition: position), 0))
            } else {
                path.removeLast()
            }
        }
    }
}
