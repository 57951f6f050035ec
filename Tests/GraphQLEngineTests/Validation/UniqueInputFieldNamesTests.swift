import Testing
@testable import GraphQLEngine

@Suite struct UniqueInputFieldNamesTests {
    @Test func distinctInputFieldNamesAreValid() {
        expectValid(.uniqueInputFieldNames, #"""
        { field(arg: { f1: "value", f2: "value", deep: { f1: "v" } }) }
        """#)
    }

    @Test func duplicateInputFieldNamesAreReported() {
        expectErrors(.uniqueInputFieldNames, #"""
        { field(arg: { f1: "value", f1: "value", f1: "value" }) other(arg: { deep: { a: 1, a: 2 } }) }
        """#, [
            ExpectedError("There can be only one input field named \"f1\".", (1, 16), (1, 29)),
            ExpectedError("There can be only one input field named \"f1\".", (1, 16), (1, 42)),
            ExpectedError("There can be only one input field named \"a\".", (1, 78), (1, 84)),
        ])
    }
}
