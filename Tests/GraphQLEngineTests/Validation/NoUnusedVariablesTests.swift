import Testing
@testable import GraphQLEngine

@Suite struct NoUnusedVariablesTests {
    @Test func usedVariablesAreValid() {
        expectValid(.noUnusedVariables, #"""
        query Foo($a: String, $b: String, $c: String) {
          field(a: $a, b: $b) { ...FragA }
        }
        fragment FragA on Type { field(c: { nested: [$c] }) }
        """#)
    }

    @Test func unusedVariablesAreReported() {
        expectErrors(.noUnusedVariables, #"""
        query Foo($a: String, $b: String, $c: String) { field(a: $a) }
        query ($d: Int) { field }
        query Bar($a: String, $b: String) { ...FragA }
        fragment FragA on Type { field(a: $a) }
        """#, [
            ExpectedError("Variable \"$b\" is never used in operation \"Foo\".", (1, 23)),
            ExpectedError("Variable \"$c\" is never used in operation \"Foo\".", (1, 35)),
            ExpectedError("Variable \"$d\" is never used.", (2, 8)),
            ExpectedError("Variable \"$b\" is never used in operation \"Bar\".", (3, 23)),
        ])
    }
}
