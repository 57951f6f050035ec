import Foundation
import GraphQLEngine
import GraphQLEngineFixtures

/// DealGraph's figures.
struct DealGraphRun {
    let workloads: Workloads

    func run(executeOnly: Bool = false) async throws {
        let prefix = "dealgraph"
        // The peer script's schema and data: 50 companies, 200 contacts, 1,000 deals as records.
        let schema = try CRMFixture.schema(deals: 1000)
        if !executeOnly { try timeParseAndValidate(prefix, schema) }
        let source = workloads.crmNested
        if CommandLine.arguments.contains("--print-response") {
            // For comparing the response with graphql-js's byte for byte.
            let response = await execute(schema: schema, document: try parse(source), variables: ["first": 1000])
            FileHandle.standardOutput.write(Data(response.json))
            return
        }
        try await timeExecution(prefix) {
            let document = try parse(source)
            let errors = validateDocument(schema, document)
            precondition(errors.isEmpty)
            let response = await execute(schema: schema, document: document, variables: ["first": 1000])
            precondition(response.errors.isEmpty, "\(response.errors)")
            return response.json.count
        }
    }

    private func timeParseAndValidate(_ prefix: String, _ schema: GraphQLSchema) throws {
        timeIt(prefix, "parse kitchen-sink", iterations: 2000, bytes: workloads.kitchenSink.utf8.count) {
            _ = try! parse(workloads.kitchenSink)
        }
        timeIt(prefix, "parse crm-nested", iterations: 2000, bytes: workloads.crmNested.utf8.count) {
            _ = try! parse(workloads.crmNested)
        }
        timeIt(prefix, "parse large", iterations: 20, bytes: workloads.large.utf8.count) {
            _ = try! parse(workloads.large)
        }
        let document = try parse(workloads.crmNested)
        timeIt(prefix, "validate crm-nested", iterations: 500) {
            let errors = validateDocument(schema, document)
            precondition(errors.isEmpty, "crm-nested must be valid: \(errors)")
        }
    }
}

/// The specified rules, as the peers run them.
func validateDocument(_ schema: GraphQLSchema, _ document: DocumentNode) -> [GraphQLError] {
    validate(schema: schema, document: document)
}
