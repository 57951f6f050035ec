import Testing
@testable import GraphQLEngine

@Suite struct VariablesAreInputTypesTests {
    @Test func variablesOfInputTypesAreValid() {
        expectValid(.variablesAreInputTypes, #"""
        query Foo($a: Unknown, $b: [[Boolean!]!], $c: ComplexInput, $d: FurColor!) { field(a: $a, b: $b, c: $c, d: $d) }
        """#)
    }

    @Test func variablesOfOutputTypesAreReported() {
        expectErrors(.variablesAreInputTypes, #"""
        query Foo($a: Dog, $b: [[CatOrDog!]!], $c: Pet!) { field(a: $a, b: $b, c: $c) }
        """#, [
            ExpectedError("Variable \"$a\" cannot be non-input type \"Dog\".", (1, 15)),
            ExpectedError("Variable \"$b\" cannot be non-input type \"[[CatOrDog!]!]\".", (1, 24)),
            ExpectedError("Variable \"$c\" cannot be non-input type \"Pet!\".", (1, 44)),
        ])
    }
}
