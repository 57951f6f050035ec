import Testing
@testable import GraphQLEngine

@Suite struct NoUndefinedVariablesTests {
    @Test func operationsDefiningEveryVariableTheyUseAreValid() {
        expectValid(.noUndefinedVariables, #"""
        query Foo($a: String, $b: String, $c: String) {
          field(a: $a) { field(b: $b) { ...FragA } }
        }
        fragment FragA on Type { field(c: $c) @include(if: $a) }
        """#)
    }

    @Test func undefinedVariablesAreReported() {
        expectErrors(.noUndefinedVariables, #"""
        query Foo($a: String) { field(a: $a, b: $b) { field(c: $c) } }
        query { field(d: $d) }
        """#, [
            ExpectedError("Variable \"$b\" is not defined by operation \"Foo\".", (1, 41), (1, 1)),
            ExpectedError("Variable \"$c\" is not defined by operation \"Foo\".", (1, 56), (1, 1)),
            ExpectedError("Variable \"$d\" is not defined.", (2, 18), (2, 1)),
        ])
    }

    @Test func undefinedVariablesUsedInFragmentsAreReported() {
        expectErrors(.noUndefinedVariables, #"""
        query Foo($a: String) { ...FragA }
        query Bar { ...FragA ...FragB }
        fragment FragA on Type { field(a: $a) { ...FragB } }
        fragment FragB on Type { field(b: $b) @skip(if: $c) }
        """#, [
            ExpectedError("Variable \"$b\" is not defined by operation \"Foo\".", (4, 35), (1, 1)),
            ExpectedError("Variable \"$c\" is not defined by operation \"Foo\".", (4, 49), (1, 1)),
            ExpectedError("Variable \"$a\" is not defined by operation \"Bar\".", (3, 35), (2, 1)),
            ExpectedError("Variable \"$b\" is not defined by operation \"Bar\".", (4, 35), (2, 1)),
            ExpectedError("Variable \"$c\" is not defined by operation \"Bar\".", (4, 49), (2, 1)),
        ])
    }
}
