extension ValidationContext {
    /// Spec 5.5.1.1 Fragment Name Uniqueness: "Let fragments be all fragment definitions in the
    /// document named fragmentName. fragments must be a set of one."
    mutating func checkUniqueFragmentNames(_ fragment: FragmentDefinitionNode) {
        let name = fragment.name
        if let first = seenFragmentNames[name.value] {
            report("There can be only one fragment named \"\(name.value)\".", at: [first.loc, name.loc])
        } else {
            seenFragmentNames[name.value] = name
        }
    }
}
