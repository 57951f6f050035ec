import Testing
@testable import GraphQLEngine

@Suite struct OperationLimitsTests {
    private func limitErrors(_ text: String, _ options: ValidationOptions) -> [ExpectedError] {
        validationErrors([], text, options: options)
    }

    @Test func depthCountsNestedFieldsThroughFragments() {
        let text = #"""
        query Deep { dog { mother { ...M } } }
        fragment M on Dog { mother { mother { name } } }
        """#
        #expect(limitErrors(text, ValidationOptions(maxDepth: 5)) == [])
        #expect(limitErrors(text, ValidationOptions(maxDepth: 4)) == [
            ExpectedError("Query depth 5 exceeds the maximum allowed depth of 4.", (1, 1)),
        ])
    }

    @Test func introspectionOnlyOperationsMayNestToTheIntrospectionDepth() {
        let schemaQuery = "query I { __schema { types { fields { type { ofType { ofType { name } } } } } } }"
        let mixed = "query M { __typename dog { mother { mother { mother { mother { name } } } } } }"
        let options = ValidationOptions(maxDepth: 4, introspectionDepth: 7)
        #expect(limitErrors(schemaQuery, options) == [])
        #expect(limitErrors(schemaQuery, ValidationOptions(maxDepth: 4)) == [
            ExpectedError("Query depth 7 exceeds the maximum allowed depth of 4.", (1, 1)),
        ])
        #expect(limitErrors(schemaQuery, ValidationOptions(maxDepth: 4, introspectionDepth: 6)) == [
            ExpectedError("Query depth 7 exceeds the maximum allowed depth of 6.", (1, 1)),
        ])
        // A data field beside introspection gets the ordinary limit.
        #expect(limitErrors(mixed, options) == [
            ExpectedError("Query depth 6 exceeds the maximum allowed depth of 4.", (1, 1)),
        ])
    }

    @Test func fieldsCountEverySpreadOfAFragment() {
        let text = #"""
        { dog { ...F ...F a: mother { ...F } } }
        fragment F on Dog { name nickname }
        """#
        // dog, a, and F (2 fields) three times.
        #expect(limitErrors(text, ValidationOptions(maxFields: 8)) == [])
        #expect(limitErrors(text, ValidationOptions(maxFields: 7)) == [
            ExpectedError("Query selects 8 fields after fragment expansion, exceeding the maximum of 7.", (1, 1)),
        ])
    }

    @Test func aliasesCountAfterExpansion() {
        let text = #"""
        { a: dog { ...F } b: dog { ...F } }
        fragment F on Dog { x: name y: name }
        """#
        #expect(limitErrors(text, ValidationOptions(maxAliases: 6)) == [])
        #expect(limitErrors(text, ValidationOptions(maxAliases: 5)) == [
            ExpectedError("Query uses 6 aliases, exceeding the maximum of 5.", (1, 1)),
        ])
    }

    /// 100 fragments, each spreading the next twice: 2^100 fields after expansion. Each fragment
    /// is measured once and the count saturates.
    @Test func exponentialExpansionIsMeasuredInLinearTime() {
        var text = "query Bomb { dog { ...F0 } }\n"
        for level in 0..<100 {
            text += level < 99 ? "fragment F\(level) on Dog { mother { ...F\(level + 1) ...F\(level + 1) } }\n"
                               : "fragment F\(level) on Dog { name }\n"
        }
        #expect(limitErrors(text, ValidationOptions(maxDepth: 200, maxFields: 10_000)) == [
            ExpectedError("Query selects too many fields after fragment expansion, exceeding the maximum of 10000.", (1, 1)),
        ])
        #expect(validationErrors(specifiedRules, text) == [])
    }

    /// Cycles are NoFragmentCycles' to report; the limits treat the closing spread as empty.
    @Test func cyclesDoNotHang() {
        let text = #"""
        { dog { ...A } }
        fragment A on Dog { mother { ...B } }
        fragment B on Dog { father { ...A name } }
        """#
        #expect(limitErrors(text, ValidationOptions(maxDepth: 2, maxFields: 100)) == [
            ExpectedError("Query depth 4 exceeds the maximum allowed depth of 2.", (1, 1)),
        ])
        #expect(validationErrors([.noFragmentCycles], text) == [
            ExpectedError("Cannot spread fragment \"A\" within itself via \"B\".", (2, 30), (3, 30)),
        ])
    }
}
