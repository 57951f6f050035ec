import Testing
@testable import GraphQLEngine

@Suite struct UniqueDirectivesPerLocationTests {
    @Test func distinctAndRepeatableDirectivesAreValid() {
        expectValid(.uniqueDirectivesPerLocation, #"""
        fragment Test on Type { field @onField @skip(if: true) @repeatable @repeatable }
        """#)
    }

    @Test func aNonRepeatableDirectiveUsedTwiceIsReported() {
        expectErrors(.uniqueDirectivesPerLocation, #"""
        query Q($v: Int @onVariableDefinition @onVariableDefinition) @onQuery @onQuery {
          field @onField @onField @onField
          ... @onInlineFragment @onInlineFragment { a }
        }
        fragment Test on Type @onFragmentDefinition @onFragmentDefinition { field @skip(if: true) @include(if: true) @skip(if: false) }
        """#, [
            ExpectedError("The directive \"@onQuery\" can only be used once at this location.", (1, 62), (1, 71)),
            ExpectedError("The directive \"@onVariableDefinition\" can only be used once at this location.", (1, 17), (1, 39)),
            ExpectedError("The directive \"@onField\" can only be used once at this location.", (2, 9), (2, 18)),
            ExpectedError("The directive \"@onField\" can only be used once at this location.", (2, 9), (2, 27)),
            ExpectedError("The directive \"@onInlineFragment\" can only be used once at this location.", (3, 7), (3, 25)),
            ExpectedError("The directive \"@onFragmentDefinition\" can only be used once at this location.", (5, 23), (5, 45)),
            ExpectedError("The directive \"@skip\" can only be used once at this location.", (5, 75), (5, 110)),
        ])
    }

    @Test func unknownDirectivesAreIgnored() {
        expectValid(.uniqueDirectivesPerLocation, #"""
        { field @unknown @unknown }
        """#)
    }
}
