import Testing
@testable import GraphQLEngine

@Suite struct UniqueOperationNamesTests {
    @Test func aDocumentWithoutOperationsIsValid() {
        expectValid(.uniqueOperationNames, #"""
        fragment fragA on Type { field }
        """#)
    }

    @Test func oneAnonymousOperationIsValid() {
        expectValid(.uniqueOperationNames, #"""
        { field }
        """#)
    }

    @Test func distinctOperationNamesAreValid() {
        expectValid(.uniqueOperationNames, #"""
        query Foo { field }
        query Bar { field }
        """#)
    }

    @Test func anOperationMayShareAFragmentsName() {
        expectValid(.uniqueOperationNames, #"""
        query Foo { ...Foo }
        fragment Foo on Type { field }
        """#)
    }

    @Test func duplicateOperationNamesAreReported() {
        expectErrors(.uniqueOperationNames, #"""
        query Foo { fieldA }
        query Foo { fieldB }
        query Foo { fieldC }
        """#, [
            ExpectedError("There can be only one operation named \"Foo\".", (1, 7), (2, 7)),
            ExpectedError("There can be only one operation named \"Foo\".", (1, 7), (3, 7)),
        ])
    }

    @Test func duplicateNamesAcrossOperationKindsAreReported() {
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
