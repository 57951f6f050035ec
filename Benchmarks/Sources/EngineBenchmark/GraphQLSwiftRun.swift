import Foundation
import GraphQL
import GraphQLEngineFixtures

/// GraphQLSwift/GraphQL 4.3.0's figures, measured the same way.
struct GraphQLSwiftRun {
    let workloads: Workloads

    func run() async throws {
        let prefix = "graphqlswift"
        timeIt(prefix, "parse kitchen-sink", iterations: 2000, bytes: workloads.kitchenSink.utf8.count) {
            _ = try! parse(source: workloads.kitchenSink)
        }
        timeIt(prefix, "parse crm-nested", iterations: 2000, bytes: workloads.crmNested.utf8.count) {
            _ = try! parse(source: workloads.crmNested)
        }
        timeIt(prefix, "parse large", iterations: 20, bytes: workloads.large.utf8.count) {
            _ = try! parse(source: workloads.large)
        }

        let schema = try buildSchema(source: crmSDL)
        let document = try parse(source: workloads.crmNested)
        timeIt(prefix, "validate crm-nested", iterations: 500) {
            let errors = validate(schema: schema, ast: document)
            precondition(errors.isEmpty, "crm-nested must be valid: \(errors)")
        }

        let root: [String: any Sendable] = ["deals": Self.makeDeals()]
        let source = workloads.crmNested
        let encoder = JSONEncoder()
        try await timeExecution(prefix) {
            let document = try parse(source: source)
            let errors = validate(schema: schema, ast: document)
            precondition(errors.isEmpty)
            let result = try await execute(schema: schema, documentAST: document, rootValue: root, context: (),
                                           variableValues: ["first": .number(1000)])
            precondition(result.errors.isEmpty, "\(result.errors)")
            return try encoder.encode(result).count
        }
    }

    /// The peer script's data as dictionaries, which GraphQLSwift's default resolver reads.
    static func makeDeals() -> [any Sendable] {
        let companies: [[String: any Sendable]] = (0..<50).map { i in
            ["id": "c\(i)", "name": "Company \(i)", "website": "https://c\(i).example", "industry": "Software"]
        }
        let contacts: [[String: any Sendable]] = (0..<200).map { i in
            ["id": "p\(i)", "name": "Person \(i)", "email": "p\(i)@example.com", "phone": "+1555000\(i)", "company": companies[i % 50]]
        }
        return (0..<1000).map { i -> any Sendable in
            [
                "id": "d\(i)", "title": "Deal \(i)", "amount": Double(i) * 10.5, "stage": CRMFixture.stages[i % 6],
                "expectedCloseDate": "2026-12-01T00:00:00.000Z", "notes": "note \(i)",
                "contact": contacts[i % 200], "company": companies[i % 50],
            ] as [String: any Sendable]
        }
    }
}
