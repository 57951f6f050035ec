import Testing
@testable import GraphQLEngine

@Suite struct NoUnusedFragmentsTests {
    @Test func usedFragmentsAreValid() {
        expectValid(.noUnusedFragments, #"""
        { human(id: 4) { ...HumanFields1 ... on Human { ...HumanFields2 } } }
        fragment HumanFields1 on Human { name ...HumanFields3 }
        fragment HumanFields2 on Human { name }
        fragment HumanFields3 on Human { name }
        """#)
    }

    @Test func unusedFragmentsAreReported() {
        expectErrors(.noUnusedFragments, #"""
        query Foo { human(id: 4) { ...HumanFields1 } }
        query Bar { human(id: 4) { ...HumanFields2 } }
        fragment HumanFields1 on Human { name ...HumanFields3 }
        fragment HumanFields2 on Human { name }
        fragment HumanFields3 on Human { name }
        fragment Unused1 on Human { name }
        fragment Unused2 on Human { name ...Unused1 }
        """#, [
            ExpectedError("Fragment \"Unused1\" is never used.", (6, 1)),
            ExpectedError("Fragment \"Unused2\" is never used.", (7, 1)),
        ])
    }

    @Test func fragmentsUsedOnlyByEachOtherAreReportedUnused() {
        expectErrors(.noUnusedFragments, #"""
        query Foo { human(id: 4) { ...HumanFields1 } }
        fragment HumanFields1 on Human { name }
        fragment Unused1 on Human { name ...Unused2 }
        fragment Unused2 on Human { name ...Unused1 }
        """#, [
            ExpectedError("Fragment \"Unused1\" is never used.", (3, 1)),
            ExpectedError("Fragment \"Unused2\" is never used.", (4, 1)),
        ])
    }
}
