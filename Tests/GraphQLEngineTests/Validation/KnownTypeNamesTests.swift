import Testing
@testable import GraphQLEngine

@Suite struct KnownTypeNamesTests {
    @Test func knownTypeNamesAreValid() {
        expectValid(.knownTypeNames, #"""
        query Foo($var: String, $required: [Int!]!, $input: ComplexInput) {
          dog @include(if: true) { name } ...PetFields ... on Dog { name }
        }
        fragment PetFields on Pet { name }
        """#)
    }

    @Test func unknownTypeNamesAreReported() {
        expectErrors(.knownTypeNames, #"""
        query Foo($var: [JumbledUpLetters!]!) {
          human { ...on Badger { name } ...PetFields }
        }
        fragment PetFields on Peat { name }
        """#, [
            ExpectedError("Unknown type \"JumbledUpLetters\".", (1, 18)),
            ExpectedError("Unknown type \"Badger\".", (2, 17)),
            ExpectedError("Unknown type \"Peat\". Did you mean \"Pet\" or \"Cat\"?", (4, 23)),
        ])
    }

    @Test func misspelledTypeNamesAreReportedWithSuggestions() {
        expectErrors(.knownTypeNames, #"""
        query Foo($a: string, $b: Strin) { dog { name } }
        """#, [
            ExpectedError("Unknown type \"string\". Did you mean \"String\"?", (1, 15)),
            ExpectedError("Unknown type \"Strin\". Did you mean \"String\"?", (1, 27)),
        ])
    }
}
