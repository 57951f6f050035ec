import Foundation
@testable import GraphQLEngine

/// Documents the language tests share: our own executable and type-system "kitchen sinks" that
/// use every construct of the grammar, and the shared workloads when they are present.
enum LanguageDocuments {
    /// An executable document with every executable construct.
    static let executable = #"""
    # Pipeline view of the CRM.
    query Pipeline($stage: String = "lead", $first: Int! = 50, $after: ID, $filter: DealFilter = {amount: {gt: 1.5e3}, tags: ["a", "b"]}) @cached(ttl: 60) {
      pipeline: deals(stage: $stage, first: $first, after: $after, where: $filter, order: [amount_DESC, title_ASC]) {
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
            owner: user(id: "u\u00e9\n\"quoted\"") {
              name
            }
            scored(weights: {amount: 0.75, stage: -2, recent: true, archived: false, missing: null}, label: """
              Block "text" with \""" escaped quotes
                and indentation
            """)
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

    /// A type-system document with every definition and extension form.
    static let typeSystem = #"""
    """
    The CRM schema.
    """
    schema @contact(name: "ops") {
      query: Query
      mutation: Mutation
      subscription: Subscription
    }

    "A point in time, ISO-8601."
    scalar DateTime @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")

    interface Node {
      id: ID!
    }

    interface Record implements Node {
      id: ID!
      createdAt: DateTime
    }

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
      matrix: [[Int]]
    }

    type Contact implements & Node {
      id: ID!
      name: String
    }

    union SearchResult @search = | Deal | Contact

    enum Currency {
      "US dollars"
      USD
      EUR @deprecated
    }

    input DealFilter @oneOf {
      stage: String
      amount: AmountRange = {gt: 0, lt: 1000000}
      tags: [String!] = ["x"]
    }

    input AmountRange {
      gt: Float
      lt: Float
    }

    type Query {
      deals(where: DealFilter, first: Int = 50): [Deal]
      search(text: String!): [SearchResult!]
    }

    type Mutation

    type Subscription

    "Marks the owner."
    directive @owner on FRAGMENT_DEFINITION

    directive @cached(ttl: Int = 30) repeatable on QUERY | FIELD

    directive @key(fields: String!) on | OBJECT | INTERFACE

    directive @contact(name: String) on SCHEMA

    directive @search on UNION

    extend schema @contact(name: "sales")

    extend schema {
      subscription: Subscription
    }

    extend scalar DateTime @cached

    extend type Deal implements Node {
      probability: Float
    }

    extend type Mutation @cached

    extend interface Record @key(fields: "id")

    extend interface Node implements Record {
      version: Int
    }

    extend union SearchResult = Company

    extend union SearchResult @cached

    extend enum Currency {
      GBP
    }

    extend enum Currency @cached

    extend input AmountRange {
      eq: Float = 1.5
    }

    extend input AmountRange @cached
    """#

    /// The shared workloads (`/work/shared/workloads`), or an empty list when they are absent.
    static func workloads() -> [(name: String, text: String)] {
        let directory = ProcessInfo.processInfo.environment["DEALGRAPH_WORKLOADS"] ?? "/work/shared/workloads"
        return ["kitchen-sink", "schema-kitchen-sink", "crm-nested", "large"].compactMap { name in
            guard let text = try? String(contentsOfFile: "\(directory)/\(name).graphql", encoding: .utf8) else { return nil }
            return (name, text)
        }
    }
}

/// Parses `text`, returning the error instead of throwing it.
func parseError(_ text: String, options: ParseOptions = ParseOptions()) -> GraphQLError? {
    do {
        _ = try parse(text, options: options)
        return nil
    } catch {
        return error
    }
}
