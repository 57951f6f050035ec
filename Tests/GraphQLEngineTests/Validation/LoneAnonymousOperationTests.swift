import Testing
@testable import GraphQLEngine

@Suite struct LoneAnonymousOperationTests {
    @Test func oneAnonymous() {
        expectValid(.loneAnonymousOperation, #"""
        { field }
        """#)
    }

    @Test func multipleNamed() {
        expectValid(.loneAnonymousOperation, #"""
        query Foo { field }
        query Bar { field }
        """#)
    }

    @Test func anonymousWithFragment() {
        expectValid(.loneAnonymousOperation, #"""
        { ...Foo }
        fragment Foo on Type { field }
        """#)
    }

    @Test func multipleAnonymous() {
        expectErrors(.loneAnonymousOperation, #"""
        { fieldA }
        { fieldB }
        """#, [
            ExpectedError("This anonymous operation must be the only defined operation.", (1, 1)),
            ExpectedError("This anonymous operation must be the only defined operation.", (2, 1)),
        ])
    }

    @Test func anonymousWithMutation() {
        expectErrors(.loneAnonymousOperation, #"""
        { fieldA }
        mutation Foo { fieldB }
        """#, [
            ExpectedError("This anonymous operation must be the only defined operation.", (1, 1)),
        ])
    }
}
