import Testing
@testable import GraphQLEngine

@Suite struct PossibleFragmentSpreadsTests {
    @Test func spreadsThatCanApplyAreValid() {
        expectValid(.possibleFragmentSpreads, #"""
        fragment objectWithinObject on Dog { ...dogFragment }
        fragment dogFragment on Dog { barkVolume }
        fragment objectWithinInterface on Pet { ...dogFragment }
        fragment objectWithinUnion on CatOrDog { ...dogFragment }
        fragment interfaceWithinObject on Dog { ...petFragment }
        fragment petFragment on Pet { name }
        fragment unionWithinInterface on Pet { ...catOrDogFragment }
        fragment catOrDogFragment on CatOrDog { __typename }
        fragment inline on Pet { ... on Dog { barkVolume } }
        fragment unknownType on Pet { ...unknownFragment ... on Unknown { name } }
        """#)
    }

    @Test func spreadsThatCanNeverApplyAreReported() {
        expectErrors(.possibleFragmentSpreads, #"""
        fragment invalidObjectWithinObject on Cat { ...dogFragment }
        fragment dogFragment on Dog { barkVolume }
        fragment invalidInline on Cat { ... on Dog { barkVolume } }
        fragment invalidObjectWithinInterface on Pet { ...humanFragment }
        fragment humanFragment on Human { pets { name } }
        fragment invalidUnionWithinObject on Human { ...catOrDogFragment }
        fragment catOrDogFragment on CatOrDog { __typename }
        fragment invalidInterfaceWithinUnion on CatOrDog { ... on Human { name } }
        """#, [
            ExpectedError("Fragment \"dogFragment\" cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\".", (1, 45)),
            ExpectedError("Fragment cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\".", (3, 33)),
            ExpectedError("Fragment \"humanFragment\" cannot be spread here as objects of type \"Pet\" can never be of type \"Human\".", (4, 48)),
            ExpectedError("Fragment \"catOrDogFragment\" cannot be spread here as objects of type \"Human\" can never be of type \"CatOrDog\".", (6, 46)),
            ExpectedError("Fragment cannot be spread here as objects of type \"CatOrDog\" can never be of type \"Human\".", (8, 52)),
        ])
    }
}
