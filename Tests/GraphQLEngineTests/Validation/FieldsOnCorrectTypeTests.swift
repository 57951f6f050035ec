import Testing
@testable import GraphQLEngine

@Suite struct FieldsOnCorrectTypeTests {
    @Test func fieldsOfTheTypeAreValid() {
        expectValid(.fieldsOnCorrectType, #"""
        fragment objectFieldSelection on Dog { __typename name }
        """#)
    }

    @Test func aliasedFieldsAndInterfaceFieldsAreValid() {
        expectValid(.fieldsOnCorrectType, #"""
        fragment a on Dog { tn : __typename otherName : name }
        fragment b on Pet { __typename name }
        fragment c on CatOrDog { __typename }
        fragment d on Dog { ... on Dog { name } ... { barks } }
        """#)
    }

    @Test func unknownFieldsAreReportedWithSuggestions() {
        expectErrors(.fieldsOnCorrectType, #"""
        fragment fieldNotDefined on Dog { meowVolume }
        fragment aliasedFieldTargetNotDefined on Dog { barkVolume: kawVolume }
        fragment deepFieldNotDefined on Dog { unknown_field { deeper_unknown_field } }
        fragment subFieldNotDefined on Human { pets { unknown_field } }
        """#, [
            ExpectedError("Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"?", (1, 35)),
            ExpectedError("Cannot query field \"kawVolume\" on type \"Dog\". Did you mean \"barkVolume\"?", (2, 48)),
            ExpectedError("Cannot query field \"unknown_field\" on type \"Dog\".", (3, 39)),
            ExpectedError("Cannot query field \"unknown_field\" on type \"Pet\".", (4, 47)),
        ])
    }

    @Test func unknownFieldsInFragmentsAndOnInterfacesAreReported() {
        expectErrors(.fieldsOnCorrectType, #"""
        fragment fieldNotDefined on Pet { ... on Dog { meowVolume } }
        fragment definedOnImplementors on Pet { nickname }
        fragment notOnUnion on CatOrDog { name }
        fragment directFieldOnUnion on CatOrDog { directField }
        """#, [
            ExpectedError("Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"?", (1, 48)),
            ExpectedError("Cannot query field \"nickname\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\" or \"Dog\"?", (2, 41)),
            ExpectedError("Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Pet\", \"Canine\", \"Cat\", or \"Dog\"?", (3, 35)),
            ExpectedError("Cannot query field \"directField\" on type \"CatOrDog\".", (4, 43)),
        ])
    }

    @Test func suggestsTypesBeforeFields() {
        expectErrors(.fieldsOnCorrectType, #"""
        fragment x on Canine { barks }
        fragment y on Mammal { name }
        """#, [
            ExpectedError("Cannot query field \"barks\" on type \"Canine\". Did you mean to use an inline fragment on \"Dog\"?", (1, 24)),
            ExpectedError("Cannot query field \"name\" on type \"Mammal\". Did you mean to use an inline fragment on \"Canine\", \"Pet\", or \"Dog\"?", (2, 24)),
        ])
    }
}
