/// Every validation rule of the GraphQL specification (September 2025 edition, section 5), in the
/// order of the specification's sections.
///
/// Errors are reported in document order whatever the order of this list; within one node the
/// rules run in graphql-js's order, so messages come out as graphql-js prints them.
public let specifiedRules: [ValidationRule] = [
    // 5.1.1 Executable Definitions
    .executableDefinitions,
    // 5.2.1 Operation Type Existence (September 2025)
    .knownOperationTypes,
    // 5.2.2.1 Operation Name Uniqueness
    .uniqueOperationNames,
    // 5.2.3.1 Lone Anonymous Operation
    .loneAnonymousOperation,
    // 5.2.4.1 Single Root Field
    .singleFieldSubscriptions,
    // 5.3.1 Field Selections
    .fieldsOnCorrectType,
    // 5.3.2 Field Selection Merging
    .overlappingFieldsCanBeMerged,
    // 5.3.3 Leaf Field Selections
    .scalarLeafs,
    // 5.4.1 Argument Names
    .knownArgumentNames,
    // 5.4.2 Argument Uniqueness
    .uniqueArgumentNames,
    // 5.4.2.1 Required Arguments
    .providedRequiredArguments,
    // 5.5.1.1 Fragment Name Uniqueness
    .uniqueFragmentNames,
    // 5.5.1.2 Fragment Spread Type Existence
    .knownTypeNames,
    // 5.5.1.3 Fragments On Composite Types
    .fragmentsOnCompositeTypes,
    // 5.5.1.4 Fragments Must Be Used
    .noUnusedFragments,
    // 5.5.2.1 Fragment Spread Target Defined
    .knownFragmentNames,
    // 5.5.2.2 Fragment Spreads Must Not Form Cycles
    .noFragmentCycles,
    // 5.5.2.3 Fragment Spread Is Possible
    .possibleFragmentSpreads,
    // 5.6.1 Values of Correct Type
    .valuesOfCorrectType,
    // 5.6.3 Input Object Field Uniqueness (5.6.2 Input Object Field Names and 5.6.4 Input Object
    // Required Fields are part of ValuesOfCorrectType, as in graphql-js)
    .uniqueInputFieldNames,
    // 5.7.1 Directives Are Defined, 5.7.2 Directives Are in Valid Locations
    .knownDirectives,
    // 5.7.3 Directives Are Unique per Location
    .uniqueDirectivesPerLocation,
    // 5.8.1 Variable Uniqueness
    .uniqueVariableNames,
    // 5.8.2 Variables Are Input Types
    .variablesAreInputTypes,
    // 5.8.3 All Variable Uses Defined
    .noUndefinedVariables,
    // 5.8.4 All Variables Used
    .noUnusedVariables,
    // 5.8.5 All Variable Usages Are Allowed
    .variablesInAllowedPosition,
]
