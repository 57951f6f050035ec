/// A schema document of our own that uses every construct of the type system: a schema
/// definition with non-default root names and a description, custom and repeatable directives
/// with described and defaulted arguments, scalars with `@specifiedBy`, interfaces implementing
/// interfaces, unions, enums and input objects (one of them `@oneOf`), deprecations of fields,
/// arguments, input fields and enum values, default values of every kind, and an extension of
/// every kind.
enum KitchenSinkSchema {
    static let sdl = #"""
    """
    The CRM schema that exercises every construct.
    """
    schema @custom {
      query: Root
      mutation: Mutations
    }

    "A custom directive"
    directive @custom(
      "Why it is there"
      reason: String = "because"
      level: Int! = 3
      tags: [String!] = ["a", "b"]
    ) repeatable on SCHEMA | SCALAR | OBJECT | FIELD_DEFINITION | ARGUMENT_DEFINITION | INTERFACE | UNION | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION

    directive @cached(ttl: Int, scope: Scope = PUBLIC) on FIELD | QUERY

    "An instant in time."
    scalar DateTime @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")

    scalar Cursor

    interface Node {
      "The globally unique id."
      id: ID!
    }

    interface Entity implements Node {
      id: ID!
      createdAt: DateTime
    }

    """
    A deal in the pipeline.

      Indented line, "quoted" and a \ backslash.
    """
    type Deal implements Entity & Node @custom(level: 1) @custom(level: 2) {
      id: ID!
      createdAt: DateTime
      title: String! @deprecated(reason: "Use `name`.")
      name: String
      amount(
        currency: Currency = USD
        "Round to whole units?"
        round: Boolean = false @deprecated
      ): Float
      stage: Stage @deprecated
      contacts(first: Int = 10, where: ContactWhere = {name: {equalTo: "x"}, tags: ["vip"]}): [Contact!]!
    }

    type Contact implements Node {
      id: ID!
      name: String @custom
      tags: [String]
      matrix: [[Int!]]!
    }

    type Company implements Node {
      id: ID!
    }

    union SearchResult @custom(level: 4) = Deal | Contact

    enum Stage {
      "First contact"
      LEAD
      QUALIFIED @deprecated(reason: "Merged into LEAD")
      WON
      LOST @deprecated
    }

    enum Currency {
      USD
      EUR
    }

    enum Scope {
      PUBLIC
      PRIVATE
    }

    input ContactWhere {
      name: StringFilter
      tags: [String!] = []
      minimumAge: Int = 18 @deprecated(reason: "gone")
      and: [ContactWhere!]
    }

    """Exactly one comparison."""
    input StringFilter @oneOf {
      equalTo: String
      matches: String
    }

    type Root {
      node(id: ID!): Node
      search(text: String!, limit: Int = 20): [SearchResult!]!
      deals(stage: Stage = LEAD, score: Float = 1.5, big: Float = 1e25, id: ID = 123, sid: ID = "abc", after: Cursor = "c1"): [Deal]
      "Plain description"
      ping: Boolean
    }

    type Mutations {
      createDeal(input: DealInput!): Deal
    }

    input DealInput {
      title: String!
      amount: Float = 0
      stage: Stage = LEAD
      when: DateTime
      stages: [Stage!] = [LEAD, WON]
    }

    type Events {
      dealChanged(id: ID): Deal
    }

    extend type Company {
      name: String
    }

    extend interface Entity @custom(level: 5)

    extend union SearchResult = Company

    extend enum Currency {
      GBP
    }

    extend input DealInput {
      notes: String
    }

    extend scalar Cursor @custom(level: 6)

    extend schema {
      subscription: Events
    }
    """#
}
