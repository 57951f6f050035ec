extension ValidationContext {
    /// Spec 5.5.1.4 Fragments Must Be Used: "For each fragment defined in the document, fragment
    /// must be the target of at least one spread in the document" reachable from an operation.
    mutating func checkNoUnusedFragments() {
        guard fragmentIndex.count > 0 else { return }
        var used = Array(repeating: false, count: document.definitions.count)
        for (position, definition) in document.definitions.enumerated() {
            guard case .operation = definition else { continue }
            for fragmentPosition in recursivelyReferencedFragments(ofDefinition: position) { used[fragmentPosition] = true }
        }
        for definition in document.definitions {
            // A duplicate name counts as used when its last definition is (graphql-js goes by name).
            if case .fragment(let fragment) = definition, let position = fragmentIndex[fragment.name.value], !used[position] {
                report("Fragment \"\(fragment.name.value)\" is never used.", at: [fragment.loc])
            }
        }
    }
}
