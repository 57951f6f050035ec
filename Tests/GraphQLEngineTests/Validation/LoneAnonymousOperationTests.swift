import Testing
@testable import GraphQLEngine

@Suite struct LoneAnonymousOperationTests {
    @Test func aLoneAnonymousOperationIsValid() {
        expectValid(.loneAnonymousOperation, #"""
        { field }
        """#)
    }

    @Test func severalNamedOperationsAreValid() {
        expectValid(.loneAnonymousOperation, #"""
        query Foo { field }
        query Bar { field }
        """#)
    }

    @Test func anAnonymousOperationWithFragmentsIsValid() {
        expectValid(.loneAnonymousOperation, #"""
        { ...Foo }
        fragment Foo on Type { field }
        """#)
    }

    @Test func severalAnonymousOperationsAreEachReported() {
        expectErrors(.loneAnonymousOperation, #"""
        { fieldA }
        { fieldB }
        """#, [
            ExpectedError("This anonymous operation must be the only defined operation.", (1, 1)),
            ExpectedError("This anonymous operation must be the only defined operation.", (2, 1)),
        ])
    }

    @Test func anAnonymousOperationBesideANamedOneIsReported() {
        expectErrors(.loneAnonymousOperation, #"""
        { fieldA }
        mutation Foo { fieldB }
        """#, [
            ExpectedError("This anonymous operation must be the only defined operation.", (1, 1)),
        ])
    }
}
