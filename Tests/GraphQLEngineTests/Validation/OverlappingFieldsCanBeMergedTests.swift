import Testing
@testable import GraphQLEngine

@Suite struct OverlappingFieldsCanBeMergedTests {
    @Test func identicalFieldsAndDistinctAliasesMerge() {
        expectValid(.overlappingFieldsCanBeMerged, #"""
        fragment a on Dog { name name otherName: name fido: name }
        fragment b on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: SIT) }
        fragment c on Dog { isAtLocation(x: 0, y: 1) isAtLocation(y: 1, x: 0) }
        fragment d on Pet { ... on Dog { name } ... on Cat { name: nickname } }
        """#)
    }

    @Test func differentFieldsUnderOneNameConflict() {
        expectErrors(.overlappingFieldsCanBeMerged, #"""
        fragment sameAliases on Dog { fido: name fido: nickname }
        fragment aliasMasking on Dog { name: nickname name }
        """#, [
            ExpectedError("Fields \"fido\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 31), (1, 42)),
            ExpectedError("Fields \"name\" conflict because \"nickname\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (2, 32), (2, 47)),
        ])
    }

    @Test func oneFieldWithDifferentArgumentsConflicts() {
        expectErrors(.overlappingFieldsCanBeMerged, #"""
        fragment a on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: HEEL) }
        fragment b on Dog { doesKnowCommand doesKnowCommand(dogCommand: HEEL) }
        fragment c on Dog { isAtLocation(x: 0) isAtLocation(x: 0, y: 1) }
        """#, [
            ExpectedError("Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (1, 21), (1, 54)),
            ExpectedError("Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (2, 21), (2, 37)),
            ExpectedError("Fields \"isAtLocation\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (3, 21), (3, 40)),
        ])
    }

    @Test func conflictsThroughFragmentsAreReported() {
        expectErrors(.overlappingFieldsCanBeMerged, #"""
        { dog { ...A ...B x: barks } }
        fragment A on Dog { x: name }
        fragment B on Dog { x: nickname }
        """#, [
            ExpectedError("Fields \"x\" conflict because \"barks\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 19), (2, 21)),
            ExpectedError("Fields \"x\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (2, 21), (3, 21)),
            ExpectedError("Fields \"x\" conflict because \"barks\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 19), (3, 21)),
        ])
    }

    @Test func conflictsOfSubfieldsAreReportedAtTheirParents() {
        expectErrors(.overlappingFieldsCanBeMerged, #"""
        {
          field: dog { x: name }
          field: dog { x: barks y: nickname }
          human { relatives { name } relatives { name: pets { name } } }
        }
        """#, [
            ExpectedError("Fields \"field\" conflict because subfields \"x\" conflict because \"name\" and \"barks\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (2, 3), (2, 16), (3, 3), (3, 16)),
            ExpectedError("Fields \"relatives\" conflict because subfields \"name\" conflict because \"name\" and \"pets\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (4, 11), (4, 23), (4, 30), (4, 42)),
        ])
    }

    @Test func conflictingReturnTypesAreReported() {
        expectErrors(.overlappingFieldsCanBeMerged, #"""
        {
          pet {
            ... on Dog { someValue: barkVolume }
            ... on Cat { someValue: nickname }
          }
          catOrDog {
            ... on Dog { mother { name } }
            ... on Cat { mother: furColor }
          }
        }
        """#, [
            ExpectedError("Fields \"someValue\" conflict because they return conflicting types \"Int\" and \"String\". Use different aliases on the fields to fetch both if this was intentional.", (3, 18), (4, 18)),
            ExpectedError("Fields \"mother\" conflict because they return conflicting types \"Dog\" and \"FurColor\". Use different aliases on the fields to fetch both if this was intentional.", (7, 18), (8, 18)),
        ])
    }

    @Test func conflictsInNestedFragmentsAreReported() {
        expectErrors(.overlappingFieldsCanBeMerged, #"""
        {
          dog { ...F1 }
          dog { ...F2 }
        }
        fragment F1 on Dog { mother { name } }
        fragment F2 on Dog { mother { name: nickname } }
        """#, [
            ExpectedError("Fields \"dog\" conflict because subfields \"mother\" conflict because subfields \"name\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (2, 3), (5, 22), (5, 31), (3, 3), (6, 22), (6, 31)),
        ])
    }

    // 150 levels of fragments where every level spreads two fragments of the next one under the
    // same response name: compared naively that is 2^150 pairs. With collected selections
    // memoized and compared fragment pairs remembered each pair of fragments is compared once,
    // so this runs in linear time; a regression shows up as a test that never ends.
    @Test func fragmentGridStaysLinear() {
        func grid(levels: Int, bottom: String) -> String {
            var text = "{ dog { ...F0 ...G0 } }\n"
            for level in 0..<levels {
                let last = level + 1 == levels
                let next = last ? "{ name }" : "{ ...F\(level + 1) ...G\(level + 1) }"
                let other = last ? "{ \(bottom) }" : "{ ...G\(level + 1) ...F\(level + 1) }"
                text += "fragment F\(level) on Dog { mother \(next) mother \(other) name }\n"
                text += "fragment G\(level) on Dog { mother \(other) mother \(next) name }\n"
            }
            return text
        }
        #expect(validationErrors(specifiedRules, grid(levels: 150, bottom: "name")) == [])
        let errors = validationErrors([.overlappingFieldsCanBeMerged], grid(levels: 20, bottom: "name: nickname"))
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { $0.message.hasPrefix("Fields \"mother\" conflict because subfields ") || $0.message.hasPrefix("Fields \"name\"") })
    }

}
