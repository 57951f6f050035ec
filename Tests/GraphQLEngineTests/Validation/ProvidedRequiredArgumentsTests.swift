import Testing
@testable import GraphQLEngine

@Suite struct ProvidedRequiredArgumentsTests {
    @Test func fieldsGivenEveryRequiredArgumentAreValid() {
        expectValid(.providedRequiredArguments, #"""
        {
          complicatedArgs {
            multipleReqs(req1: 1, req2: 2)
            multipleOptAndReq(req2: 2, req1: 1)
            nonNullFieldWithDefault
            multipleOpts
          }
          dog { isHouseTrained name @skip(if: true) }
        }
        """#)
    }

    @Test func missingRequiredFieldArgumentsAreReported() {
        expectErrors(.providedRequiredArguments, #"""
        {
          complicatedArgs {
            multipleReqs(req2: 2)
            nonNullIntArgField
            multipleOptAndReq(opt1: 1)
          }
        }
        """#, [
            ExpectedError("Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it was not provided.", (3, 5)),
            ExpectedError("Field \"nonNullIntArgField\" argument \"nonNullIntArg\" of type \"Int!\" is required, but it was not provided.", (4, 5)),
            ExpectedError("Field \"multipleOptAndReq\" argument \"req1\" of type \"Int!\" is required, but it was not provided.", (5, 5)),
            ExpectedError("Field \"multipleOptAndReq\" argument \"req2\" of type \"Int!\" is required, but it was not provided.", (5, 5)),
        ])
    }

    @Test func missingRequiredDirectiveArgumentsAreReported() {
        expectErrors(.providedRequiredArguments, #"""
        { dog @include { name @skip } }
        """#, [
            ExpectedError("Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.", (1, 7)),
            ExpectedError("Directive \"@skip\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.", (1, 23)),
        ])
    }

    @Test func unknownFieldsAreIgnored() {
        expectValid(.providedRequiredArguments, #"""
        { dog { unknownField(req: 1) } unknown { a } }
        """#)
    }
}
