import Testing
@testable import GraphQLEngine

@Suite struct ExecutableDefinitionsTests {
    @Test func operationsAreExecutable() {
        expectValid(.executableDefinitions, #"""
        query Foo { dog { name } }
        """#)
    }

    @Test func operationsAndFragmentsAreExecutable() {
        expectValid(.executableDefinitions, #"""
        query Foo { dog { name ...Frag } }
        fragment Frag on Dog { name }
        """#)
    }

    @Test func typeDefinitionsAreNotExecutable() {
        expectErrors(.executableDefinitions, #"""
        query Foo { dog { name } }
        type Cow { name: String }
        extend type Dog { color: String }
        """#, [
            ExpectedError("The \"Cow\" definition is not executable.", (2, 1)),
            ExpectedError("The \"Dog\" definition is not executable.", (3, 1)),
        ])
    }

    @Test func schemaAndDirectiveDefinitionsAreNotExecutable() {
        expectErrors(.executableDefinitions, #"""
        schema { query: Query }
        type Query { test: String }
        extend schema @directive
        directive @thing on FIELD
        """#, [
            ExpectedError("The schema definition is not executable.", (1, 1)),
            ExpectedError("The \"Query\" definition is not executable.", (2, 1)),
            ExpectedError("The schema definition is not executable.", (3, 1)),
            ExpectedError("The \"thing\" definition is not executable.", (4, 1)),
        ])
    }
}
