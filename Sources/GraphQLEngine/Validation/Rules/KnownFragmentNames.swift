extension ValidationContext {
    /// Spec 5.5.2.1 Fragment Spread Target Defined: "For every namedSpread in the document, let
    /// fragment be the target of namedSpread. fragment must be defined in the document."
    mutating func checkKnownFragmentNames(_ spread: FragmentSpreadNode) {
        if fragmentIndex[spread.name.value] == nil {
            report("Unknown fragment \"\(spread.name.value)\".", at: [spread.name.loc])
        }
    }
}
