// The server's limits on valid but expensive operations (not part of the specification; see
// `ValidationOptions`). Sizes are measured after fragment expansion: a fragment counts once for
// every place it is spread, so a few lines of fragments that spread each other twice can stand
// for billions of fields. Each fragment is measured once and the figures saturate instead of
// overflowing, so the measurement itself stays linear in the document.

/// Depth, field count and alias count of a selection set after fragment expansion.
struct SelectionSize {
    var depth = 0
    var fields = 0
    var aliases = 0

    mutating func add(_ other: SelectionSize, depthOffset: Int = 0) {
        depth = max(depth, other.depth &+ depthOffset)
        fields = fields.addingSaturated(other.fields)
        aliases = aliases.addingSaturated(other.aliases)
    }
}

extension Int {
    fileprivate func addingSaturated(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}

extension ValidationContext {
    mutating func checkLimits(_ operation: OperationDefinitionNode) {
        guard options.maxDepth != nil || options.maxFields != nil || options.maxAliases != nil else { return }
        var sizes: [String: SelectionSize] = [:]
        measureFragments(reachableFrom: operation.selectionSet, into: &sizes)
        let size = measure(operation.selectionSet, fragmentSizes: sizes)
        if let maxDepth = options.maxDepth(of: operation), size.depth > maxDepth {
            report("Query depth \(size.depth) exceeds the maximum allowed depth of \(maxDepth).", at: [operation.loc])
        }
        if let maxFields = options.maxFields, size.fields > maxFields {
            report("Query selects \(size.fields == .max ? "too many" : String(size.fields)) fields after fragment expansion, exceeding the maximum of \(maxFields).",
                   at: [operation.loc])
        }
        if let maxAliases = options.maxAliases, size.aliases > maxAliases {
            report("Query uses \(size.aliases == .max ? "too many" : String(size.aliases)) aliases, exceeding the maximum of \(maxAliases).",
                   at: [operation.loc])
        }
    }

    /// Measures every fragment reachable from `selectionSet`, each after the fragments it
    /// spreads (a depth-first post-order with its own stack). A spread that closes a cycle
    /// counts as empty; NoFragmentCycles reports the cycle itself.
    private func measureFragments(reachableFrom selectionSet: SelectionSetNode, into sizes: inout [String: SelectionSize]) {
        var inProgress: Set<String> = []
        var stack: [(name: String, fragment: FragmentDefinitionNode, spreads: [String], next: Int)] = []
        func push(spreadsOf set: SelectionSetNode) -> [String] {
            var names: [String] = []
            spreadNames(in: set, into: &names)
            return names
        }
        var rootSpreads = push(spreadsOf: selectionSet)
        while true {
            let name: String
            if let top = stack.indices.last {
                if stack[top].next == stack[top].spreads.count {
                    let finished = stack.removeLast()
                    inProgress.remove(finished.name)
                    sizes[finished.name] = measure(finished.fragment.selectionSet, fragmentSizes: sizes)
                    continue
                }
                name = stack[top].spreads[stack[top].next]
                stack[top].next += 1
            } else {
                guard let next = rootSpreads.popLast() else { return }
                name = next
            }
            guard sizes[name] == nil, !inProgress.contains(name), let fragment = fragment(named: name) else { continue }
            inProgress.insert(name)
            stack.append((name, fragment, push(spreadsOf: fragment.selectionSet), 0))
        }
    }

    private func spreadNames(in selectionSet: SelectionSetNode, into names: inout [String]) {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field): if let subselection = field.selectionSet { spreadNames(in: subselection, into: &names) }
            case .fragmentSpread(let spread): names.append(spread.name.value)
            case .inlineFragment(let inline): spreadNames(in: inline.selectionSet, into: &names)
            }
        }
    }

    private func measure(_ selectionSet: SelectionSetNode, fragmentSizes: [String: SelectionSize]) -> SelectionSize {
        var size = SelectionSize()
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                var own = SelectionSize(depth: 1, fields: 1, aliases: field.alias == nil ? 0 : 1)
                if let subselection = field.selectionSet {
                    own.add(measure(subselection, fragmentSizes: fragmentSizes), depthOffset: 1)
                }
                size.add(own)
            case .fragmentSpread(let spread):
                if let fragmentSize = fragmentSizes[spread.name.value] { size.add(fragmentSize) }
            case .inlineFragment(let inline):
                size.add(measure(inline.selectionSet, fragmentSizes: fragmentSizes))
            }
        }
        return size
    }
}

extension OperationDefinitionNode {
    /// True when every root selection is a field named `__...` (`__schema`, `__type`,
    /// `__typename`): the operation reads the schema, not data.
    var selectsOnlyIntrospection: Bool {
        selectionSet.selections.allSatisfy { selection in
            if case .field(let field) = selection { return field.name.value.hasPrefix("__") }
            return false
        }
    }
}
