import Testing
@testable import GraphQLEngine

@Suite struct UniqueFragmentNamesTests {
    @Test func distinctFragmentNamesAreValid() {
        expectValid(.uniqueFragmentNames, #"""
        { ...fragA ...fragB ... on Type { fieldC } }
        fragment fragA on Type { fieldA }
        fragment fragB on Type { fieldB }
        """#)
    }

    @Test func duplicateFragmentNamesAreReported() {
        expectErrors(.uniqueFragmentNames, #"""
        { ...fragA }
        fragment fragA on Type { fieldA }
        fragment fragA on Type { fieldB }
        fragment fragA on Type { fieldC }
        """#, [
            ExpectedError("There can be only one fragment named \"fragA\".", (2, 10), (3, 10)),
            ExpectedError("There can be only one fragment named \"fragA\".", (2, 10), (4, 10)),
        ])
    }
}
