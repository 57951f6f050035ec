import GraphQLEngine

/// The CRM-like schema of the benchmark peers (graphqljs-bench.mjs), built in code, with the same
/// in-memory data as records: 50 companies, 200 contacts and any number of deals. Shared by the
/// engine's tests and its benchmark, so that both run the very workload the peers run.
public enum CRMFixture {
    public static let company = ObjectType("Company", fields: [
        FieldDefinition("id", type: .nonNull(.scalar(.id))),
        FieldDefinition("name", type: .scalar(.string)),
        FieldDefinition("website", type: .scalar(.string)),
        FieldDefinition("industry", type: .scalar(.string)),
    ])
    public static let contact = ObjectType("Contact", fields: [
        FieldDefinition("id", type: .nonNull(.scalar(.id))),
        FieldDefinition("name", type: .scalar(.string)),
        FieldDefinition("email", type: .scalar(.string)),
        FieldDefinition("phone", type: .scalar(.string)),
        FieldDefinition("company", type: .object(company)),
    ])
    public static let deal = ObjectType("Deal", fields: [
        FieldDefinition("id", type: .nonNull(.scalar(.id))),
        FieldDefinition("title", type: .scalar(.string)),
        FieldDefinition("amount", type: .scalar(.float)),
        FieldDefinition("stage", type: .scalar(.string)),
        FieldDefinition("expectedCloseDate", type: .scalar(.string)),
        FieldDefinition("notes", type: .scalar(.string)),
        FieldDefinition("contact", type: .object(contact)),
        FieldDefinition("company", type: .object(company)),
    ])

    /// The stages deals cycle through.
    public static let stages = ["lead", "qualified", "proposal", "negotiation", "won", "lost"]

    /// The peers' query `Pipeline` (shared/workloads/crm-nested.graphql).
    public static let pipelineQuery = """
        query Pipeline($stage: String, $first: Int = 1000) {
          deals(stage: $stage, first: $first) {
            ...DealCard
            contact {
              ...ContactCard
              company { ...CompanyCard }
            }
            company { ...CompanyCard }
          }
        }

        fragment DealCard on Deal {
          id
          title
          amount
          stage
          expectedCloseDate
          notes
        }

        fragment ContactCard on Contact {
          id
          name
          email
          phone
        }

        fragment CompanyCard on Company {
          id
          name
          website
          industry
        }
        """

    /// `deals(stage: String, first: Int): [Deal]` over `count` deals: those of `stage` when
    /// given, at most `first` of them.
    public static func schema(deals count: Int = 1000) throws -> GraphQLSchema {
        let deals = makeDeals(count)
        let query = ObjectType("Query", fields: [
            FieldDefinition("deals", type: .list(.object(deal)), arguments: [
                InputValueDefinition("stage", type: .scalar(.string)),
                InputValueDefinition("first", type: .scalar(.int)),
            ], resolver: .each { _, batch in
                var selected = deals
                if case .string(let stage)? = batch.arguments["stage"] {
                    selected = selected.filter { $0["stage"] == .string(stage) }
                }
                if case .int(let first)? = batch.arguments["first"] { selected = Array(selected.prefix(first)) }
                return .list(selected)
            }),
        ])
        return try GraphQLSchema(query: query)
    }

    /// `count` deals, deal `i` with contact `i % 200` (of company `i % 50`) and company `i % 50`.
    public static func makeDeals(_ count: Int) -> [GraphQLValue] {
        let companyShape = RecordShape(["id", "name", "website", "industry"])
        let contactShape = RecordShape(["id", "name", "email", "phone", "company"])
        let dealShape = RecordShape(["id", "title", "amount", "stage", "expectedCloseDate", "notes", "contact", "company"])
        let companies: [GraphQLValue] = (0..<50).map { i in
            .object(Record(shape: companyShape, values: [.string("c\(i)"), .string("Company \(i)"), .string("https://c\(i).example"), "Software"]))
        }
        let contacts: [GraphQLValue] = (0..<200).map { i in
            .object(Record(shape: contactShape, values: [.string("p\(i)"), .string("Person \(i)"), .string("p\(i)@example.com"), .string("+1555000\(i)"), companies[i % 50]]))
        }
        return (0..<count).map { i in
            .object(Record(shape: dealShape, values: [
                .string("d\(i)"), .string("Deal \(i)"), .float(Double(i) * 10.5), .string(stages[i % 6]),
                "2026-12-01T00:00:00.000Z", .string("note \(i)"), contacts[i % 200], companies[i % 50],
            ]))
        }
    }
}
