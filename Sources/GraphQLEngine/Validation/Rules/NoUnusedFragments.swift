extension ValidationContext {
    /// Spec 5.5.1.4 Fragments Must Be Used: "For each fragment defined in the document, fragment
    /// must be the target of at least one spread in the document" reachable from an operation.
    mutating func checkNoUnusedFragments() {
        var used: Set<String> = []
        for (position, definition) in document.definitions.enumerated() {
            guard case .operation = definition else { continue }
            for fragmentPosition in recursivelyReferencedFragments(ofDefinition: position) {
                if case .fragment(let fragment) = document.definitions[fragmentPosition] { used.insert(fragment.name.value) }
            }
        }
        for definition in document.definitions {
            if case .fragment(let fragment) = definition, !used.contains(fragment.name.value) {
                report("Fragment \"\(fragment.name.value)\" is never used.", at: [fragment.loc])
            }
        }
    }
}
