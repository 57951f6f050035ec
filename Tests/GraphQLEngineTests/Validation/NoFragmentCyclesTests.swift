import Testing
@testable import GraphQLEngine

@Suite struct NoFragmentCyclesTests {
    @Test func fragmentsWithoutCyclesAreValid() {
        expectValid(.noFragmentCycles, #"""
        fragment fragA on Dog { ...fragB ...fragB }
        fragment fragB on Dog { name }
        fragment nested on Dog { mother { ...fragB } }
        """#)
    }

    @Test func aFragmentSpreadWithinItselfIsReported() {
        expectErrors(.noFragmentCycles, #"""
        fragment fragA on Dog { ...fragA }
        """#, [
            ExpectedError("Cannot spread fragment \"fragA\" within itself.", (1, 25)),
        ])
    }

    @Test func cyclesThroughOtherFragmentsAreReportedWithTheirPath() {
        expectErrors(.noFragmentCycles, #"""
        fragment fragA on Dog { ...fragB }
        fragment fragB on Dog { ...fragC }
        fragment fragC on Dog { mother { ...fragA } }
        """#, [
            ExpectedError("Cannot spread fragment \"fragA\" within itself via \"fragB\", \"fragC\".", (1, 25), (2, 25), (3, 34)),
        ])
    }

    @Test func aCycleThroughAnInlineFragmentIsReported() {
        expectErrors(.noFragmentCycles, #"""
        fragment fragA on Pet { ... on Dog { ...fragA } }
        """#, [
            ExpectedError("Cannot spread fragment \"fragA\" within itself.", (1, 38)),
        ])
    }

    @Test func everyCycleIsReported() {
        expectErrors(.noFragmentCycles, #"""
        fragment fragA on Dog { ...fragB ...fragC }
        fragment fragB on Dog { ...fragA }
        fragment fragC on Dog { ...fragA ...fragC }
        fragment fragD on Dog { ...fragE }
        fragment fragE on Dog { ...fragD ...fragZ }
        """#, [
            ExpectedError("Cannot spread fragment \"fragA\" within itself via \"fragB\".", (1, 25), (2, 25)),
            ExpectedError("Cannot spread fragment \"fragA\" within itself via \"fragC\".", (1, 34), (3, 25)),
            ExpectedError("Cannot spread fragment \"fragC\" within itself.", (3, 34)),
            ExpectedError("Cannot spread fragment \"fragD\" within itself via \"fragE\".", (4, 25), (5, 25)),
        ])
    }

    @Test func unknownSpreadsAreNotCycles() {
        expectErrors(.noFragmentCycles, #"""
        fragment fragA on Human { relatives { ...fragA ...unknown } }
        """#, [
            ExpectedError("Cannot spread fragment \"fragA\" within itself.", (1, 39)),
        ])
    }
}
