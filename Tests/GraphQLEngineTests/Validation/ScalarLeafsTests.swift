import Testing
@testable import GraphQLEngine

@Suite struct ScalarLeafsTests {
    @Test func leavesWithoutAndObjectsWithSelectionsAreValid() {
        expectValid(.scalarLeafs, #"""
        fragment scalarSelection on Dog { barks }
        fragment enumSelection on Cat { furColor }
        """#)
    }

    @Test func objectFieldsWithoutASelectionAreReported() {
        expectErrors(.scalarLeafs, #"""
        query directQueryOnObjectWithoutSubFields { human }
        query directQueryOnInterfaceWithoutSubFields { pet }
        query directQueryOnUnionWithoutSubFields { catOrDog }
        """#, [
            ExpectedError("Field \"human\" of type \"Human\" must have a selection of subfields. Did you mean \"human { ... }\"?", (1, 45)),
            ExpectedError("Field \"pet\" of type \"Pet\" must have a selection of subfields. Did you mean \"pet { ... }\"?", (2, 48)),
            ExpectedError("Field \"catOrDog\" of type \"CatOrDog\" must have a selection of subfields. Did you mean \"catOrDog { ... }\"?", (3, 44)),
        ])
    }

    @Test func leafFieldsWithASelectionAreReported() {
        expectErrors(.scalarLeafs, #"""
        fragment scalarSelectionsNotAllowedOnBoolean on Dog { barks { sinceWhen } }
        fragment scalarSelectionsNotAllowedOnEnum on Cat { furColor { inHexDec } }
        fragment withArgs on Dog { doesKnowCommand(dogCommand: SIT) { sinceWhen } }
        """#, [
            ExpectedError("Field \"barks\" must not have a selection since type \"Boolean\" has no subfields.", (1, 61)),
            ExpectedError("Field \"furColor\" must not have a selection since type \"FurColor\" has no subfields.", (2, 61)),
            ExpectedError("Field \"doesKnowCommand\" must not have a selection since type \"Boolean\" has no subfields.", (3, 61)),
        ])
    }

    @Test func listsOfObjectsNeedASelection() {
        expectErrors(.scalarLeafs, #"""
        { human { relatives } }
        """#, [
            ExpectedError("Field \"relatives\" of type \"[Human]!\" must have a selection of subfields. Did you mean \"relatives { ... }\"?", (1, 11)),
        ])
    }
}
