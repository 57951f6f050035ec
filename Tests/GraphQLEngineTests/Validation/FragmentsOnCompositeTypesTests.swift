import Testing
@testable import GraphQLEngine

@Suite struct FragmentsOnCompositeTypesTests {
    @Test func fragmentsOnCompositeTypesAreValid() {
        expectValid(.fragmentsOnCompositeTypes, #"""
        fragment validFragment on Dog { barks }
        fragment validInterface on Pet { name }
        fragment validUnion on CatOrDog { __typename }
        fragment inline on Pet { ... on Dog { barks } ... { name } }
        """#)
    }

    @Test func fragmentsOnNonCompositeTypesAreReported() {
        expectErrors(.fragmentsOnCompositeTypes, #"""
        fragment scalarFragment on Boolean { bad }
        fragment enumFragment on FurColor { bad }
        fragment inputFragment on ComplexInput { stringField }
        fragment inlineScalar on Cat { ... on Boolean { somethingElse } }
        """#, [
            ExpectedError("Fragment \"scalarFragment\" cannot condition on non composite type \"Boolean\".", (1, 28)),
            ExpectedError("Fragment \"enumFragment\" cannot condition on non composite type \"FurColor\".", (2, 26)),
            ExpectedError("Fragment \"inputFragment\" cannot condition on non composite type \"ComplexInput\".", (3, 27)),
            ExpectedError("Fragment cannot condition on non composite type \"Boolean\".", (4, 39)),
        ])
    }
}
