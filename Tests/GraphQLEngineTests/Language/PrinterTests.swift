import Testing
@testable import GraphQLEngine

/// Checks that `text` parses, prints, and parses back to the same document, and that printing
/// is stable.
private func expectRoundTrip(_ text: String, _ comment: Comment? = nil) throws {
    let document = try parse(text)
    let printed = print(document)
    let reparsed = try parse(printed)
    #expect(reparsed == document, comment)
    #expect(print(reparsed) == printed, comment)
}

@Test func printsExecutableDocumentLikeGraphQLJS() throws {
    // The expected text is graphql-js 16's `print` of the same document.
    let expected = #"""
    query Pipeline($stage: String = "lead", $first: Int! = 50, $after: ID, $filter: DealFilter = {amount: {gt: 1.5e3}, tags: ["a", "b"]}) @cached(ttl: 60) {
      pipeline: deals(
        stage: $stage
        first: $first
        after: $after
        where: $filter
        order: [amount_DESC, title_ASC]
      ) {
        count
        edges {
          cursor
          node {
            __typename
            id
            ...DealCard @include(if: true)
            ... on Deal @skip(if: false) {
              amount
              contact {
                ...ContactCard
              }
            }
            ... @defer {
              notes
            }
            owner: user(id: "ué\n\"quoted\"") {
              name
            }
            scored(
              weights: {amount: 0.75, stage: -2, recent: true, archived: false, missing: null}
              label: """
              Block "text" with \""" escaped quotes
                and indentation
              """
            )
          }
        }
      }
    }

    mutation CloseDeal($id: ID!, $input: [[CloseInput!]]!) {
      closeDeal(id: $id, input: $input) {
        deal {
          id
          stage
        }
      }
    }

    subscription DealUpdates {
      dealUpdated {
        id
      }
    }

    "Fields shown on a deal card."
    fragment DealCard on Deal {
      id
      title
      amount
    }

    fragment ContactCard on Contact @owner {
      id
      name
      email
    }

    {
      viewer {
        id
      }
      a: __typename
    }
    """#
    #expect(print(try parse(LanguageDocuments.executable)) == expected)
}

@Test func printsTypeSystemDocument() throws {
    let printed = print(try parse(LanguageDocuments.typeSystem))
    #expect(printed.hasPrefix(#"""
    """The CRM schema."""
    schema @contact(name: "ops") {
      query: Query
    """#))
    #expect(printed.contains(#"""
    """
    A sales opportunity.
      Indented line.
    """
    type Deal implements Node & Record @key(fields: "id") {
      id: ID!
      createdAt: DateTime
      "The deal's title."
      title: String!
      amount(currency: Currency = USD, round: Boolean = false): Float @deprecated(reason: "Use value.")
      contacts(
        "How many to return."
        first: Int = 10
        after: String
      ): [Contact!]!
    """#))
    #expect(printed.contains("union SearchResult @search = Deal | Contact\n"))
    #expect(printed.contains("directive @cached(ttl: Int = 30) repeatable on QUERY | FIELD\n"))
    #expect(printed.contains("extend schema {\n  subscription: Subscription\n}\n"))
    #expect(printed.contains("extend type Deal implements Node {\n  probability: Float\n}\n"))
    #expect(printed.contains("extend union SearchResult = Company\n"))
    #expect(printed.hasSuffix("extend input AmountRange @cached"))
}

@Test func printsValuesAndTypes() throws {
    #expect(print(try parseValue(Source(#""tab\tnew\nline \u0007 é \\ \"q\"""#))) == #""tab\tnew\nline \u0007 é \\ \"q\"""#)
    #expect(print(try parseValue(Source("\"\\u{7F}\\u{9F}\\u{A0}\""))) == "\"\\u007F\\u009F\u{A0}\"")
    #expect(print(try parseType(Source("[[ID!]]!"))) == "[[ID!]]!")
    #expect(print(try parseValue(Source("{ }"))) == "{}")
    #expect(print(try parseValue(Source("[ ]"))) == "[]")
}

@Test func ownDocumentsRoundTrip() throws {
    try expectRoundTrip(LanguageDocuments.executable)
    try expectRoundTrip(LanguageDocuments.typeSystem)
    try expectRoundTrip("query Q($a: Int = 1 @d) @x { a(b: \"\"\"  leading space\"\"\") }")
    try expectRoundTrip("{ a(b: \"\"\"\n  a\n    b\n\n  c\n\"\"\") }")
}

/// The shared workloads parse and print stably (skipped when /work/shared is absent).
@Test func workloadsRoundTrip() throws {
    for (name, text) in LanguageDocuments.workloads() {
        try expectRoundTrip(text, Comment(rawValue: name))
    }
}
