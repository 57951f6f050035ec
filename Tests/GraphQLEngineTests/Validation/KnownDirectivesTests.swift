import Testing
@testable import GraphQLEngine

@Suite struct KnownDirectivesTests {
    @Test func knownDirectivesInTheirLocationsAreValid() {
        expectValid(.knownDirectives, #"""
        query Q($v: Int @onVariableDefinition) @onQuery {
          dog @include(if: true) @onField { name }
          ...Frag @onFragmentSpread
          ... @onInlineFragment { __typename }
        }
        fragment Frag on QueryRoot @onFragmentDefinition { __typename }
        """#)
    }

    @Test func anUnknownDirectiveIsReported() {
        expectErrors(.knownDirectives, #"""
        { dog @unknown(directive: "value") { name } }
        """#, [
            ExpectedError("Unknown directive \"@unknown\".", (1, 7)),
        ])
    }

    @Test func misplacedDirectivesAreReportedWithTheLocation() {
        expectErrors(.knownDirectives, #"""
        query Foo($var: Boolean @onField) @include(if: true) {
          name @onQuery @include(if: $var)
          ...Frag @onQuery
        }
        mutation Bar @onQuery { someField }
        fragment Frag on Query @onField { name }
        """#, [
            ExpectedError("Directive \"@onField\" may not be used on VARIABLE_DEFINITION.", (1, 25)),
            ExpectedError("Directive \"@include\" may not be used on QUERY.", (1, 35)),
            ExpectedError("Directive \"@onQuery\" may not be used on FIELD.", (2, 8)),
            ExpectedError("Directive \"@onQuery\" may not be used on FRAGMENT_SPREAD.", (3, 11)),
            ExpectedError("Directive \"@onQuery\" may not be used on MUTATION.", (5, 14)),
            ExpectedError("Directive \"@onField\" may not be used on FRAGMENT_DEFINITION.", (6, 24)),
        ])
    }
}
