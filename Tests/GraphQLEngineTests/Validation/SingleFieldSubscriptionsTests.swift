import Testing
@testable import GraphQLEngine

@Suite struct SingleFieldSubscriptionsTests {
    @Test func aSubscriptionOfOneFieldIsValid() {
        expectValid(.singleFieldSubscriptions, #"""
        subscription ImportantEmails { importantEmails }
        """#)
    }

    @Test func aSubscriptionOfOneFieldThroughFragmentsIsValid() {
        expectValid(.singleFieldSubscriptions, #"""
        subscription sub { ...newMessageFields ... on SubscriptionRoot { importantEmails } }
        fragment newMessageFields on SubscriptionRoot { importantEmails }
        """#)
    }

    @Test func subscriptionsOfSeveralFieldsAreReported() {
        expectErrors(.singleFieldSubscriptions, #"""
        subscription ImportantEmails { importantEmails notImportantEmails spamEmails }
        subscription { importantEmails ...Other }
        fragment Other on SubscriptionRoot { notImportantEmails }
        """#, [
            ExpectedError("Subscription \"ImportantEmails\" must select only one top level field.", (1, 48), (1, 67)),
            ExpectedError("Anonymous Subscription must select only one top level field.", (3, 38)),
        ])
    }

    @Test func introspectionFieldsAtTheTopOfASubscriptionAreReported() {
        expectErrors(.singleFieldSubscriptions, #"""
        subscription ImportantEmails { __typename }
        subscription { importantEmails: __typename }
        """#, [
            ExpectedError("Subscription \"ImportantEmails\" must not select an introspection top level field.", (1, 32)),
            ExpectedError("Anonymous Subscription must not select an introspection top level field.", (2, 16)),
        ])
    }

    @Test func queriesAreIgnored() {
        expectValid(.singleFieldSubscriptions, #"""
        query Q { dog { name } human { name } }
        """#)
    }

    // September 2025: whether a root field is selected must not depend on variables.
    @Test func skipAndIncludeAreRefusedAtTheTopLevelOnly() {
        expectErrors(.singleFieldSubscriptions, #"""
        subscription S($v: Boolean!) {
          importantEmails @include(if: $v)
          ...F @skip(if: true)
        }
        fragment F on SubscriptionRoot { importantEmails @skip(if: false) }
        """#, [
            ExpectedError("Subscription \"S\" must not use `@skip` or `@include` directives in the top level selection.",
                          (2, 19), (3, 8), (5, 50)),
        ])
        expectValid(.singleFieldSubscriptions, "subscription { importantEmails @onField { a @skip(if: true) } }")
    }

}
