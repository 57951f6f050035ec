extension ValidationContext {
    /// Spec 5.5.1.3 Fragments On Composite Types: "The target type of fragment must have kind
    /// UNION, INTERFACE, or OBJECT." (inline fragments)
    mutating func checkFragmentsOnCompositeTypes(_ inline: InlineFragmentNode, type: NamedType?) {
        guard let condition = inline.typeCondition, let type, !type.isComposite else { return }
        report("Fragment cannot condition on non composite type \"\(condition.name.value)\".", at: [condition.loc])
    }

    /// Spec 5.5.1.3 Fragments On Composite Types (fragment definitions).
    mutating func checkFragmentsOnCompositeTypes(_ fragment: FragmentDefinitionNode, type: NamedType?) {
        guard let type, !type.isComposite else { return }
        let condition = fragment.typeCondition
        report("Fragment \"\(fragment.name.value)\" cannot condition on non composite type \"\(condition.name.value)\".",
               at: [condition.loc])
    }
}
