import GraphQLEngine

/// DealGraph's figures.
struct DealGraphRun {
    let workloads: Workloads

    func run() async throws {
        let prefix = "dealgraph"
        timeIt(prefix, "parse kitchen-sink", iterations: 2000, bytes: workloads.kitchenSink.utf8.count) {
            _ = try! parse(workloads.kitchenSink)
        }
        timeIt(prefix, "parse crm-nested", iterations: 2000, bytes: workloads.crmNested.utf8.count) {
            _ = try! parse(workloads.crmNested)
        }
        timeIt(prefix, "parse large", iterations: 20, bytes: workloads.large.utf8.count) {
            _ = try! parse(workloads.large)
        }

        let schema = try Self.makeSchema()
        let document = try parse(workloads.crmNested)
        timeIt(prefix, "validate crm-nested", iterations: 500) {
            let errors = validateDocument(schema, document)
            precondition(errors.isEmpty, "crm-nested must be valid: \(errors)")
        }

        let source = workloads.crmNested
        try await timeExecution(prefix) {
            let document = try parse(source)
            let errors = validateDocument(schema, document)
            precondition(errors.isEmpty)
            let response = await execute(schema: schema, document: document, variables: ["first": 1000])
            precondition(response.errors.isEmpty, "\(response.errors)")
            return response.json.count
        }
    }

    /// The peer script's schema and data: 50 companies, 200 contacts, 1,000 deals as records.
    static func makeSchema() throws -> GraphQLSchema {
        let company = ObjectType("Company", fields: [
            FieldDefinition("id", type: .nonNull(.scalar(.id))),
            FieldDefinition("name", type: .scalar(.string)),
            FieldDefinition("website", type: .scalar(.string)),
            FieldDefinition("industry", type: .scalar(.string)),
        ])
        let contact = ObjectType("Contact", fields: [
            FieldDefinition("id", type: .nonNull(.scalar(.id))),
            FieldDefinition("name", type: .scalar(.string)),
            FieldDefinition("email", type: .scalar(.string)),
            FieldDefinition("phone", type: .scalar(.string)),
            FieldDefinition("company", type: .object(company)),
        ])
        let deal = ObjectType("Deal", fields: [
            FieldDefinition("id", type: .nonNull(.scalar(.id))),
            FieldDefinition("title", type: .scalar(.string)),
            FieldDefinition("amount", type: .scalar(.float)),
            FieldDefinition("stage", type: .scalar(.string)),
            FieldDefinition("expectedCloseDate", type: .scalar(.string)),
            FieldDefinition("notes", type: .scalar(.string)),
            FieldDefinition("contact", type: .object(contact)),
            FieldDefinition("company", type: .object(company)),
        ])
        let companyShape = RecordShape(["id", "name", "website", "industry"])
        let contactShape = RecordShape(["id", "name", "email", "phone", "company"])
        let dealShape = RecordShape(["id", "title", "amount", "stage", "expectedCloseDate", "notes", "contact", "company"])
        let companies: [GraphQLValue] = (0..<50).map { i in
            .object(Record(shape: companyShape, values: [.string("c\(i)"), .string("Company \(i)"), .string("https://c\(i).example"), .string("Software")]))
        }
        let contacts: [GraphQLValue] = (0..<200).map { i in
            .object(Record(shape: contactShape, values: [.string("p\(i)"), .string("Person \(i)"), .string("p\(i)@example.com"), .string("+1555000\(i)"), companies[i % 50]]))
        }
        let deals: [GraphQLValue] = (0..<1000).map { i in
            .object(Record(shape: dealShape, values: [
                .string("d\(i)"), .string("Deal \(i)"), .float(Double(i) * 10.5), .string(stages[i % 6]),
                .string("2026-12-01T00:00:00.000Z"), .string("note \(i)"), contacts[i % 200], companies[i % 50],
            ]))
        }
        let query = ObjectType("Query", fields: [
            FieldDefinition("deals", type: .list(.object(deal)), arguments: [
                InputValueDefinition("stage", type: .scalar(.string)),
                InputValueDefinition("first", type: .scalar(.int)),
            ], resolver: .each { _, batch in
                guard case .int(let first)? = batch.arguments["first"] else { return .list(deals) }
                return .list(Array(deals.prefix(first)))
            }),
        ])
        return try GraphQLSchema(query: query)
    }
}

/// The specified rules, as the peers run them.
func validateDocument(_ schema: GraphQLSchema, _ document: DocumentNode) -> [GraphQLError] {
    validate(schema: schema, document: document)
}
