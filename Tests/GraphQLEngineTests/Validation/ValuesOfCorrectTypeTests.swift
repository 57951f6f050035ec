import Testing
@testable import GraphQLEngine

@Suite struct ValuesOfCorrectTypeTests {
    @Test func literalsOfTheExpectedTypesAreValid() {
        expectValid(.valuesOfCorrectType, #"""
        {
          complicatedArgs {
            intArgField(intArg: 2)
            floatArgField(floatArg: 1)
            idArgField(idArg: "someIdString")
            idArgField2: idArgField(idArg: 1)
            enumArgField(enumArg: NO_FUR)
            stringListArgField(stringListArg: ["one", null, "two"])
            single: stringListArgField(stringListArg: "one")
            complexArgField(complexArg: { requiredField: true, intField: 4, stringListField: ["a"] })
            nullable: intArgField(intArg: null)
          }
          dog { doesKnowCommand(dogCommand: SIT) }
        }
        """#)
    }

    @Test func scalarLiteralsOfAnotherTypeAreReported() {
        expectErrors(.valuesOfCorrectType, #"""
        {
          complicatedArgs {
            intArgField(intArg: "3")
            big: intArgField(intArg: 829384293849283498239482938)
            float: intArgField(intArg: 2.0)
            stringArgField(stringArg: 1)
            booleanArgField(booleanArg: 2)
            floatArgField(floatArg: true)
            idArgField(idArg: 1.0)
            enumAsString: stringArgField(stringArg: BAR)
          }
        }
        """#, [
            ExpectedError("Int cannot represent non-integer value: \"3\"", (3, 25)),
            ExpectedError("Int cannot represent non 32-bit signed integer value: 829384293849283498239482938", (4, 30)),
            ExpectedError("Int cannot represent non-integer value: 2.0", (5, 32)),
            ExpectedError("String cannot represent a non string value: 1", (6, 31)),
            ExpectedError("Boolean cannot represent a non boolean value: 2", (7, 33)),
            ExpectedError("Float cannot represent non numeric value: true", (8, 29)),
            ExpectedError("ID cannot represent a non-string and non-integer value: 1.0", (9, 23)),
            ExpectedError("String cannot represent a non string value: BAR", (10, 45)),
        ])
    }

    @Test func enumLiteralsThatAreNotValuesAreReported() {
        expectErrors(.valuesOfCorrectType, #"""
        {
          dog {
            a: doesKnowCommand(dogCommand: 2)
            b: doesKnowCommand(dogCommand: "SIT")
            c: doesKnowCommand(dogCommand: sit)
            d: doesKnowCommand(dogCommand: JUGGLE)
            e: doesKnowCommand(dogCommand: true)
          }
        }
        """#, [
            ExpectedError("Enum \"DogCommand\" cannot represent non-enum value: 2.", (3, 36)),
            ExpectedError("Enum \"DogCommand\" cannot represent non-enum value: \"SIT\". Did you mean the enum value \"SIT\"?", (4, 36)),
            ExpectedError("Value \"sit\" does not exist in \"DogCommand\" enum. Did you mean the enum value \"SIT\"?", (5, 36)),
            ExpectedError("Value \"JUGGLE\" does not exist in \"DogCommand\" enum.", (6, 36)),
            ExpectedError("Enum \"DogCommand\" cannot represent non-enum value: true.", (7, 36)),
        ])
    }

    @Test func invalidListAndObjectLiteralsAreReported() {
        expectErrors(.valuesOfCorrectType, #"""
        {
          complicatedArgs {
            stringListArgField(stringListArg: ["one", 2])
            nonNullIntArgField(nonNullIntArg: null)
            complexArgField(complexArg: { intField: 4 })
            b: complexArgField(complexArg: { requiredField: true, invalidField: "value", stringListfield: [] })
            c: complexArgField(complexArg: { requiredField: true, stringListField: [1] })
            d: intArgField(intArg: [1])
            e: intArgField(intArg: FOO)
            f: complexArgField(complexArg: [{ requiredField: false }])
            g: complexArgField(complexArg: "string")
          }
        }
        """#, [
            ExpectedError("String cannot represent a non string value: 2", (3, 47)),
            ExpectedError("Expected value of type \"Int!\", found null.", (4, 39)),
            ExpectedError("Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided.", (5, 33)),
            ExpectedError("Field \"invalidField\" is not defined by type \"ComplexInput\". Did you mean \"intField\"?", (6, 59)),
            ExpectedError("Field \"stringListfield\" is not defined by type \"ComplexInput\". Did you mean \"stringListField\", \"stringField\", or \"intField\"?", (6, 82)),
            ExpectedError("String cannot represent a non string value: 1", (7, 77)),
            ExpectedError("Int cannot represent non-integer value: [1]", (8, 28)),
            ExpectedError("Int cannot represent non-integer value: FOO", (9, 28)),
            ExpectedError("Expected value of type \"ComplexInput\", found [{requiredField: false}].", (10, 36)),
            ExpectedError("Expected value of type \"ComplexInput\", found \"string\".", (11, 36)),
        ])
    }

    @Test func variableDefaultsOfAnotherTypeAreReported() {
        expectErrors(.valuesOfCorrectType, #"""
        query WithDefaults($a: Int = 1, $b: String = "ok", $c: ComplexInput = { requiredField: true, intField: 3 }) {
          dog { name }
        }
        query BadDefaults($a: Int = "one", $b: String = 4, $c: ComplexInput = "NotVeryComplex", $d: Int! = null) {
          dog { name }
        }
        query BadDefaultObject($a: ComplexInput = { requiredField: 123, intField: "abc" }) { dog { name } }
        """#, [
            ExpectedError("Int cannot represent non-integer value: \"one\"", (4, 29)),
            ExpectedError("String cannot represent a non string value: 4", (4, 49)),
            ExpectedError("Expected value of type \"ComplexInput\", found \"NotVeryComplex\".", (4, 71)),
            ExpectedError("Expected value of type \"Int!\", found null.", (4, 100)),
            ExpectedError("Boolean cannot represent a non boolean value: 123", (7, 60)),
            ExpectedError("Int cannot represent non-integer value: \"abc\"", (7, 75)),
        ])
    }

    @Test func directiveArgumentsOfAnotherTypeAreReported() {
        expectErrors(.valuesOfCorrectType, #"""
        { dog @include(if: "yes") { name @skip(if: ENUM) } }
        """#, [
            ExpectedError("Boolean cannot represent a non boolean value: \"yes\"", (1, 20)),
            ExpectedError("Boolean cannot represent a non boolean value: ENUM", (1, 44)),
        ])
    }

    // OneOf Input Objects (September 2025); graphql-js 16.9+ wording.
    @Test func oneOfInputObjectsNeedExactlyOneNonNullKey() {
        expectErrors(.valuesOfCorrectType, #"""
        {
          complicatedArgs {
            a: oneOfArgField(oneOfArg: { stringField: "a", intField: 1 })
            b: oneOfArgField(oneOfArg: { stringField: null })
            c: oneOfArgField(oneOfArg: {})
            d: oneOfArgField(oneOfArg: { intField: 2 })
          }
        }
        """#, [
            ExpectedError("OneOf Input Object \"OneOfInput\" must specify exactly one key.", (3, 32)),
            ExpectedError("Field \"OneOfInput.stringField\" must be non-null.", (4, 32)),
            ExpectedError("OneOf Input Object \"OneOfInput\" must specify exactly one key.", (5, 32)),
        ])
    }

}
