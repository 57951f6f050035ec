@testable import GraphQLEngine

/// The CRM-like schema of the benchmark peers (graphqljs-bench.mjs), built in code, with the same
/// in-memory data: companies, contacts and deals as records.
enum CRMFixture {
    static let company = ObjectType("Company", fields: [
        FieldDefinition("id", type: .nonNull(.scalar(.id))),
        FieldDefinition("name", type: .scalar(.string)),
        FieldDefinition("website", type: .scalar(.string)),
        FieldDefinition("industry", type: .scalar(.string)),
    ])
    static let contact = ObjectType("Contact", fields: [
        FieldDefinition("id", type: .nonNull(.scalar(.id))),
        FieldDefinition("name", type: .scalar(.string)),
        FieldDefinition("email", type: .scalar(.string)),
        FieldDefinition("phone", type: .scalar(.string)),
        FieldDefinition("company", type: .object(company)),
    ])
    static let deal = ObjectType("Deal", fields: [
        FieldDefinition("id", type: .nonNull(.scalar(.id))),
        FieldDefinition("title", type: .scalar(.string)),
        FieldDefinition("amount", type: .scalar(.float)),
        FieldDefinition("stage", type: .scalar(.string)),
        FieldDefinition("expectedCloseDate", type: .scalar(.string)),
        FieldDefinition("notes", type: .scalar(.string)),
        FieldDefinition("contact", type: .object(contact)),
        FieldDefinition("company", type: .object(company)),
    ])

    /// `deals(stage: String, first: Int): [Deal]` over `count` deals.
    static func schema(deals count: Int = 1000) throws -> GraphQLSchema {
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

    static func makeDeals(_ count: Int) -> [GraphQLValue] {
        let companyShape = RecordShape(["id", "name", "website", "industry"])
        let contactShape = RecordShape(["id", "name", "email", "phone", "company"])
        let dealShape = RecordShape(["id", "title", "amount", "stage", "expectedCloseDate", "notes", "contact", "company"])
        let companies: [GraphQLValue] = (0..<50).map { i in
            .object(Record(shape: companyShape, values: [.string("c\(i)"), .string("Company \(i)"), .string("https://c\(i).example"), "Software"]))
        }
        let contacts: [GraphQLValue] = (0..<200).map { i in
            .object(Record(shape: contactShape, values: [.string("p\(i)"), .string("Person \(i)"), .string("p\(i)@example.com"), .string("+1555000\(i)"), companies[i % 50]]))
        }
        let stages = ["lead", "qualified", "proposal", "negotiation", "won", "lost"]
        return (0..<count).map { i in
            .object(Record(shape: dealShape, values: [
                .string("d\(i)"), .string("Deal \(i)"), .float(Double(i) * 10.5), .string(stages[i % 6]),
                "2026-12-01T00:00:00.000Z", .string("note \(i)"), contacts[i % 200], companies[i % 50],
            ]))
        }
    }
}
