import Testing
@testable import GraphQLEngine

// Spec 5.2.1 Operation Type Existence (September 2025); graphql-js 17 wording.
@Suite struct KnownOperationTypesTests {
    @Test func operationsTheSchemaHasRootsForAreValid() {
        expectValid(.knownOperationTypes, #"""
        query Q { dog { name } }
        subscription S { importantEmails }
        { dog { name } }
        """#)
    }

    @Test func mutationsWithoutAMutationRootAreReported() {
        expectErrors(.knownOperationTypes, #"""
        query Q { dog { name } }
        mutation M { doSomething }
          mutation { doSomethingElse }
        """#, [
            ExpectedError("The mutation operation is not supported by the schema.", (2, 1)),
            ExpectedError("The mutation operation is not supported by the schema.", (3, 3)),
        ])
    }

    @Test func subscriptionsWithoutASubscriptionRootAreReported() throws {
        let query = ObjectType("Query", fields: [FieldDefinition("a", type: .scalar(.string))])
        let schema = try GraphQLSchema(query: query)
        #expect(validationErrors([.knownOperationTypes], "subscription { a }", schema: schema) == [
            ExpectedError("The subscription operation is not supported by the schema.", (1, 1)),
        ])
    }
}
