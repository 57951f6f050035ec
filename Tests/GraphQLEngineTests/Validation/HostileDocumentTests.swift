import SeededRandom
import Testing
@testable import GraphQLEngine
import GraphQLEngineFixtures

/// Documents nobody would write: mutated valid documents, random documents, deep nesting and
/// long fragment chains. Validation must answer each with errors (or none), never crash or hang.
@Suite struct HostileDocumentTests {
    static let seeds = [
        CRMFixture.pipelineQuery,
        #"""
        query Q($a: Int = 1, $b: ComplexInput, $c: [String!]!, $d: OneOfInput) @onQuery {
          dog @include(if: true) { name(surname: true) ...F ... on Dog { barks mother { name } } }
          complicatedArgs {
            complexArgField(complexArg: { requiredField: true, stringListField: $c, intField: $a })
            oneOfArgField(oneOfArg: $d) enumArgField(enumArg: BROWN)
            multipleReqs(req1: $a, req2: 2)
          }
          catOrDog { __typename ... on Cat { furColor } }
        }
        fragment F on Pet @onFragmentDefinition { name ...G }
        fragment G on Dog { doesKnowCommand(dogCommand: SIT) }
        subscription S { importantEmails }
        """#,
    ]

    static let words = [
        "dog", "cat", "name", "mother", "...F", "...G", "... on Dog", "... on Cat", "{", "}", "(", ")", "$a", "$zz",
        "@skip(if: $a)", "@include", "@onQuery", "fragment", "query", "subscription", "mutation", "on", "Dog",
        "CatOrDog", "ComplexInput", "[", "]", "!", ":", "null", "true", "1.5", "\"str\"", "{ a: 1 }", "__typename",
        "__schema", "__type(name: \"Dog\")", "x: name", "F", "G",
    ]

    static let allOptions = ValidationOptions(maxErrors: 50, maxDepth: 5, maxFields: 50, maxAliases: 3)

    private func check(_ text: String, schema: GraphQLSchema) {
        guard let document = try? parse(text) else { return }
        let errors = validate(schema: schema, document: document, options: Self.allOptions)
        #expect(errors.count <= Self.allOptions.maxErrors + 1)
        for error in errors {
            #expect(!error.message.isEmpty)
            #expect(error.locations.allSatisfy { $0.line >= 1 && $0.column >= 1 })
        }
    }

    @Test func mutatedValidDocumentsGetCleanErrors() {
        var random = SplitMix64(seed: 7)
        for round in 0..<800 {
            var bytes = Array(Self.seeds[round % Self.seeds.count].utf8)
            for _ in 0...random.next(below: 3) {
                let start = random.next(below: bytes.count)
                let end = min(bytes.count, start + random.next(below: 12))
                switch random.next(below: 3) {
                case 0: bytes.removeSubrange(start..<end)
                case 1: bytes.insert(contentsOf: Array((" " + random.pick(Self.words) + " ").utf8), at: start)
                default: bytes.insert(contentsOf: bytes[start..<end], at: start)
                }
            }
            check(String(decoding: bytes, as: UTF8.self), schema: ValidationTestSchema.shared)
        }
    }

    @Test func randomDocumentsGetCleanErrors() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<(1 + random.next(below: 40)) { text += random.pick(Self.words) + " " }
            check(text, schema: ValidationTestSchema.shared)
            check("{ " + text + " }", schema: ValidationTestSchema.shared)
            check("fragment F on Dog { " + text + " } { dog { ...F } }", schema: ValidationTestSchema.shared)
        }
    }

    @Test func deepNestingIsStoppedByTheDepthLimit() {
        let depth = 200
        let text = "{ dog " + String(repeating: "{ mother ", count: depth) + "{ name }" + String(repeating: " }", count: depth + 1)
        let errors = validationErrors(specifiedRules, text, options: ValidationOptions(maxDepth: 10))
        #expect(errors == [ExpectedError("Query depth 202 exceeds the maximum allowed depth of 10.", (1, 1))])
    }

    /// Cycle detection, unused-fragment search, field merging and the limits keep their own
    /// stacks or their recursion is bounded, so a long chain of fragments is just work.
    @Test func aLongFragmentCycleIsReportedOnce() {
        let length = 500
        var text = "{ dog { ...F0 } }\n"
        for index in 0..<length {
            text += index + 1 < length ? "fragment F\(index) on Dog { name mother { ...F\(index + 1) } }\n"
                                       : "fragment F\(index) on Dog { name ...F0 }\n"
        }
        let errors = validationErrors(specifiedRules, text, options: ValidationOptions(maxDepth: 5000))
        #expect(errors.count == 1)
        #expect(errors.first?.message.hasPrefix("Cannot spread fragment \"F0\" within itself via \"F1\", \"F2\",") == true)
    }

    @Test func manyDuplicateFieldsMergeAndDuplicateArgumentsAreReportedOncePerName() {
        let names = (0..<300).map { _ in "name" }.joined(separator: " ")
        #expect(validationErrors(specifiedRules, "{ dog { \(names) } }") == [])
        let arguments = (0..<300).map { "a\($0 % 7): 1" }.joined(separator: ", ")
        let errors = validationErrors([.uniqueArgumentNames], "{ dog { name(\(arguments)) } }")
        #expect(errors.count == 7)
    }
}
