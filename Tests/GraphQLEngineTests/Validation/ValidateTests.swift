import Testing
@testable import GraphQLEngine
import GraphQLEngineFixtures

@Suite struct ValidateTests {

    @Test func benchmarkDocumentIsValid() {
        #expect(validationErrors(specifiedRules, CRMFixture.pipelineQuery, schema: ValidationTestSchema.crm) == [])
    }

    @Test func introspectionIsValid() throws {
        let document = try parse(Introspection.query)
        #expect(validate(schema: ValidationTestSchema.crm, document: document) == [])
    }

    /// All rules at once: the same errors in the same order as graphql-js 16 prints them.
    @Test func allRulesReportInDocumentOrder() {
        let text = #"""
            query Q($unused: Int, $a: Foo) {
              deals(first: "ten", last: 1) { nope ...Missing ... on Contact { id } }
            }
            fragment Lonely on Deal { id }
            type Extra { a: Int }
            """#
        #expect(validationErrors(specifiedRules, text, schema: ValidationTestSchema.crm) == [
            ExpectedError("The \"Extra\" definition is not executable.", (5, 1)),
            ExpectedError("Unknown type \"Foo\".", (1, 27)),
            ExpectedError("Int cannot represent non-integer value: \"ten\"", (2, 16)),
            ExpectedError("Unknown argument \"last\" on field \"Query.deals\".", (2, 23)),
            ExpectedError("Cannot query field \"nope\" on type \"Deal\". Did you mean \"notes\"?", (2, 34)),
            ExpectedError("Unknown fragment \"Missing\".", (2, 42)),
            ExpectedError("Fragment cannot be spread here as objects of type \"Deal\" can never be of type \"Contact\".", (2, 50)),
            ExpectedError("Variable \"$unused\" is never used in operation \"Q\".", (1, 9)),
            ExpectedError("Variable \"$a\" is never used in operation \"Q\".", (1, 23)),
            ExpectedError("Fragment \"Lonely\" is never used.", (4, 1)),
        ])
    }

    @Test func stopsAfterMaxErrors() {
        let text = "{ " + (0..<10).map { "f\($0)" }.joined(separator: " ") + " }"
        let errors = validationErrors(specifiedRules, text, schema: ValidationTestSchema.crm, options: ValidationOptions(maxErrors: 3))
        #expect(errors.count == 4)
        #expect(errors.last == ExpectedError("Too many validation errors, error limit reached. Validation aborted."))
    }

    @Test func emptyRuleListAcceptsAnything() {
        #expect(validationErrors([], "{ a { b } ...C }") == [])
    }
}
