import Testing
@testable import GraphQLEngine

@Suite struct UniqueOperationNamesTests {
    @Test func noOperations() {
        expectValid(.uniqueOperationNames, #"""
        fragment fragA on Type { field }
        """#)
    }

    @Test func oneAnonymous() {
        expectValid(.uniqueOperationNames, #"""
        { field }
        """#)
    }

    @Test func multipleDistinct() {
        expectValid(.uniqueOperationNames, #"""
        query Foo { field }
        query Bar { field }
        """#)
    }

    @Test func sameNameAsFragment() {
        expectValid(.uniqueOperationNames, #"""
        query Foo { ...Foo }
        fragment Foo on Type { field }
        """#)
    }

    @Test func duplicateOperations() {
        expectErrors(.uniqueOperationNames, #"""
        query Foo { fieldA }
        query Foo { fieldB }
        query Foo { fieldC }
        """#, [
            ExpectedError("There can be only one operation named \"Foo\".", (1, 7), (2, 7)),
            ExpectedError("There can be only one operation named \"Foo\".", (1, 7), (3, 7)),
        ])
    }

    @Test func duplicateOfDifferentKinds() {
        expectErrors(.uniqueOperationNames, #"""
        query Foo { fieldA }
        mutation Foo { fieldB }
        subscription Foo { fieldC }
        """#, [
            ExpectedError("There can be only one operation named \"Foo\".", (1, 7), (2, 10)),
            ExpectedError("There can be only one operation named \"Foo\".", (1, 7), (3, 14)),
        ])
    }
}
