import Testing
@testable import GraphQLEngine

@Suite struct UniqueArgumentNamesTests {
    @Test func distinctArgumentNamesAreValid() {
        expectValid(.uniqueArgumentNames, #"""
        { field(arg1: "value", arg2: "value") @directive(arg1: "value", arg2: "value") }
        """#)
    }

    @Test func duplicateArgumentNamesAreReported() {
        expectErrors(.uniqueArgumentNames, #"""
        {
          field(arg1: "value", arg1: "value", arg1: "value", arg2: 1, arg2: 2)
          other @directive(arg1: "value", arg1: "value")
        }
        """#, [
            ExpectedError("There can be only one argument named \"arg1\".", (2, 9), (2, 24), (2, 39)),
            ExpectedError("There can be only one argument named \"arg2\".", (2, 54), (2, 63)),
            ExpectedError("There can be only one argument named \"arg1\".", (3, 20), (3, 35)),
        ])
    }
}
