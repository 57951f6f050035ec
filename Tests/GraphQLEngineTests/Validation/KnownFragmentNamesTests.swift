import Testing
@testable import GraphQLEngine

@Suite struct KnownFragmentNamesTests {
    @Test func knownFragmentsAreValid() {
        expectValid(.knownFragmentNames, #"""
        { human(id: 4) { ...HumanFields1 ... on Human { ...HumanFields2 } } }
        fragment HumanFields1 on Human { name ...HumanFields3 }
        fragment HumanFields2 on Human { name }
        fragment HumanFields3 on Human { name }
        """#)
    }

    @Test func unknownFragmentsAreReported() {
        expectErrors(.knownFragmentNames, #"""
        { human(id: 4) { ...UnknownFragment1 ... on Human { ...UnknownFragment2 } } }
        fragment HumanFields on Human { name ...UnknownFragment3 }
        """#, [
            ExpectedError("Unknown fragment \"UnknownFragment1\".", (1, 21)),
            ExpectedError("Unknown fragment \"UnknownFragment2\".", (1, 56)),
            ExpectedError("Unknown fragment \"UnknownFragment3\".", (2, 41)),
        ])
    }
}
