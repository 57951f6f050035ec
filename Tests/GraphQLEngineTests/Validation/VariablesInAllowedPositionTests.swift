import Testing
@testable import GraphQLEngine

@Suite struct VariablesInAllowedPositionTests {
    @Test func variablesInCompatiblePositionsAreValid() {
        expectValid(.variablesInAllowedPosition, #"""
        query Q($intArg: Int, $nonNullIntArg: Int!, $stringList: [String], $strings: [String!]!, $bool: Boolean!, $withDefault: Int = 1) {
          complicatedArgs {
            intArgField(intArg: $nonNullIntArg)
            a: intArgField(intArg: $intArg)
            stringListArgField(stringListArg: $strings)
            b: stringListArgField(stringListArg: $stringList)
            nonNullIntArgField(nonNullIntArg: $withDefault)
            nonNullFieldWithDefault(arg: $intArg)
            complexArgField(complexArg: { requiredField: $bool, intField: $intArg })
          }
          dog @include(if: $bool) { name }
        }
        """#)
    }

    @Test func variablesInIncompatiblePositionsAreReported() {
        expectErrors(.variablesInAllowedPosition, #"""
        query Q($intArg: Int, $stringVar: String, $stringList: [String], $boolean: Boolean, $nullDefault: Int = null) {
          complicatedArgs {
            nonNullIntArgField(nonNullIntArg: $intArg)
            stringArgField(stringArg: $intArg)
            stringListNonNullArgField(stringListNonNullArg: $stringList)
            a: stringListArgField(stringListArg: $stringVar)
            b: nonNullIntArgField(nonNullIntArg: $nullDefault)
            ...Frag
          }
          dog @include(if: $boolean) { name }
        }
        fragment Frag on ComplicatedArgs { c: nonNullIntArgField(nonNullIntArg: $intArg) }
        """#, [
            ExpectedError("Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\".", (1, 9), (3, 39)),
            ExpectedError("Variable \"$intArg\" of type \"Int\" used in position expecting type \"String\".", (1, 9), (4, 31)),
            ExpectedError("Variable \"$stringList\" of type \"[String]\" used in position expecting type \"[String!]\".", (1, 43), (5, 53)),
            ExpectedError("Variable \"$stringVar\" of type \"String\" used in position expecting type \"[String]\".", (1, 23), (6, 42)),
            ExpectedError("Variable \"$nullDefault\" of type \"Int\" used in position expecting type \"Int!\".", (1, 85), (7, 42)),
            ExpectedError("Variable \"$boolean\" of type \"Boolean\" used in position expecting type \"Boolean!\".", (1, 66), (10, 20)),
            ExpectedError("Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\".", (1, 9), (12, 73)),
        ])
    }

    // A variable filling a OneOf field must be non-null, default or not (September 2025).
    @Test func oneOfFieldsNeedNonNullVariables() {
        expectErrors(.variablesInAllowedPosition, #"""
        query Q($s: String, $t: String!, $u: String = "x") {
          complicatedArgs {
            a: oneOfArgField(oneOfArg: { stringField: $s })
            b: oneOfArgField(oneOfArg: { stringField: $t })
            c: oneOfArgField(oneOfArg: { stringField: $u })
          }
        }
        """#, [
            ExpectedError("Variable \"$s\" is of type \"String\" but must be non-nullable to be used for OneOf Input Object \"OneOfInput\".", (1, 9), (3, 47)),
            ExpectedError("Variable \"$u\" is of type \"String\" but must be non-nullable to be used for OneOf Input Object \"OneOfInput\".", (1, 34), (5, 47)),
        ])
    }

}
