import Testing
@testable import GraphQLEngine

/// One expected validation error: the message and the (line, column) of each location.
struct ExpectedError: Equatable, CustomStringConvertible {
    let message: String
    let locations: [[Int]]

    init(_ message: String, _ locations: (Int, Int)...) {
        self.message = message
        self.locations = locations.map { [$0.0, $0.1] }
    }

    init(_ error: GraphQLError) {
        message = error.message
        locations = error.locations.map { [$0.line, $0.column] }
    }

    var description: String { "\(message) \(locations)" }
}

/// Validates `text` against the test schema with `rules` only, as graphql-js's rule tests do.
func validationErrors(_ rules: [ValidationRule], _ text: String, schema: GraphQLSchema = ValidationTestSchema.shared,
                      options: ValidationOptions = ValidationOptions()) -> [ExpectedError] {
    do {
        let document = try parse(text)
        return validate(schema: schema, document: document, rules: rules, options: options).map(ExpectedError.init)
    } catch {
        Issue.record("the test document does not parse: \(error)")
        return []
    }
}

func expectValid(_ rule: ValidationRule, _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(validationErrors([rule], text) == [], sourceLocation: sourceLocation)
}

func expectErrors(_ rule: ValidationRule, _ text: String, _ expected: [ExpectedError],
                  sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(validationErrors([rule], text) == expected, sourceLocation: sourceLocation)
}
