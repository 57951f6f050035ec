extension ValidationContext {
    /// Spec 5.5.2.3 Fragment Spread Is Possible: "Let fragmentPossibleTypes be the set of possible
    /// types of fragmentType. Let parentPossibleTypes be the set of possible types of parentType.
    /// applicableTypes must not be empty." (named spreads)
    mutating func checkPossibleFragmentSpread(_ spread: FragmentSpreadNode, parentType: NamedType?) {
        guard let parentType, let fragment = fragment(named: spread.name.value),
              let fragmentType = schema.type(named: fragment.typeCondition.name.value), fragmentType.isComposite,
              !schema.typesOverlap(fragmentType, parentType) else { return }
        report("Fragment \"\(spread.name.value)\" cannot be spread here as objects of type \"\(parentType.name)\" can never be of type \"\(fragmentType.name)\".",
               at: [spread.loc])
    }

    /// Spec 5.5.2.3 Fragment Spread Is Possible (inline fragments).
    mutating func checkPossibleFragmentSpread(_ inline: InlineFragmentNode, fragmentType: NamedType?, parentType: NamedType?) {
        guard let parentType, let fragmentType, fragmentType.isComposite,
              !schema.typesOverlap(fragmentType, parentType) else { return }
        report("Fragment cannot be spread here as objects of type \"\(parentType.name)\" can never be of type \"\(fragmentType.name)\".",
               at: [inline.loc])
    }
}
