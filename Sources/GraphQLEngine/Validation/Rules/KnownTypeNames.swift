extension ValidationContext {
    /// Spec 5.5.1.2 Fragment Spread Type Existence, and the same for variable types: every
    /// named type the document mentions must be defined by the schema.
    mutating func checkKnownTypeNames(_ type: NamedTypeNode) {
        let name = type.name.value
        guard schema.type(named: name) == nil else { return }
        let suggestions = suggestionList(name, schema.types.lazy.map(\.name))
        report("Unknown type \"\(name)\"." + didYouMean(suggestions), at: [type.loc])
    }
}
