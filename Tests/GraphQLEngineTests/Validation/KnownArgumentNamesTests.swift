import Testing
@testable import GraphQLEngine

@Suite struct KnownArgumentNamesTests {
    @Test func knownArgumentsAreValid() {
        expectValid(.knownArgumentNames, #"""
        fragment argOnRequiredArg on Dog { doesKnowCommand(dogCommand: SIT) isHouseTrained(atOtherHomes: true) }
        { dog { name @include(if: true) } }
        """#)
    }

    @Test func unknownArgumentsAreReportedWithSuggestions() {
        expectErrors(.knownArgumentNames, #"""
        fragment invalidArgName on Dog { doesKnowCommand(unknown: true) }
        fragment misspelled on Dog { doesKnowCommand(DogCommand: SIT) isHouseTrained(atOtherHome: true) }
        { dog { name @skip(iff: true) @include(unless: false) } }
        """#, [
            ExpectedError("Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\".", (1, 50)),
            ExpectedError("Unknown argument \"DogCommand\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"?", (2, 46)),
            ExpectedError("Unknown argument \"atOtherHome\" on field \"Dog.isHouseTrained\". Did you mean \"atOtherHomes\"?", (2, 78)),
            ExpectedError("Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"?", (3, 20)),
            ExpectedError("Unknown argument \"unless\" on directive \"@include\".", (3, 40)),
        ])
    }

    @Test func unknownDirectiveArgumentsIgnoredWhenDirectiveUnknown() {
        expectValid(.knownArgumentNames, #"""
        { dog @unknown(foo: 1) { name } }
        """#)
    }

    @Test func unknownArgumentsDeepInTheDocumentAreReported() {
        expectErrors(.knownArgumentNames, #"""
        { dog { doesKnowCommand(whoKnows: 1) } human { pets { ... on Dog { isAtLocation(z: 1) } } } }
        """#, [
            ExpectedError("Unknown argument \"whoKnows\" on field \"Dog.doesKnowCommand\".", (1, 25)),
            ExpectedError("Unknown argument \"z\" on field \"Dog.isAtLocation\". Did you mean \"x\" or \"y\"?", (1, 81)),
        ])
    }
}
