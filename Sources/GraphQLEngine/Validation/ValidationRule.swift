/// The validation rules of the GraphQL specification, section 5, named as in graphql-js.
///
/// Each rule lives in `Rules/<Name>.swift`; `specifiedRules` lists them all in spec order.
public enum ValidationRule: Int, CaseIterable, Sendable, Hashable {
    case executableDefinitions
    case knownOperationTypes
    case uniqueOperationNames
    case loneAnonymousOperation
    case singleFieldSubscriptions
    case fieldsOnCorrectType
    case overlappingFieldsCanBeMerged
    case scalarLeafs
    case knownArgumentNames
    case uniqueArgumentNames
    case providedRequiredArguments
    case uniqueFragmentNames
    case knownTypeNames
    case fragmentsOnCompositeTypes
    case noUnusedFragments
    case knownFragmentNames
    case noFragmentCycles
    case possibleFragmentSpreads
    case valuesOfCorrectType
    case uniqueInputFieldNames
    case knownDirectives
    case uniqueDirectivesPerLocation
    case uniqueVariableNames
    case variablesAreInputTypes
    case noUndefinedVariables
    case noUnusedVariables
    case variablesInAllowedPosition
}

/// A set of rules as a bit mask, so the walk tests membership without hashing.
struct ValidationRuleSet {
    private var bits: UInt64 = 0

    init(_ rules: some Sequence<ValidationRule>) {
        for rule in rules { bits |= 1 << UInt64(rule.rawValue) }
    }

    func contains(_ rule: ValidationRule) -> Bool {
        bits & (1 << UInt64(rule.rawValue)) != 0
    }
}
