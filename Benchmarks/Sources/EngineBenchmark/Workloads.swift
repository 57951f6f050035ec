import Foundation

/// The shared workloads (../shared/workloads), found from the repository root or from Benchmarks/.
struct Workloads {
    let kitchenSink: String
    let crmNested: String
    let large: String

    static func load(arguments: [String]) -> Workloads? {
        var candidates = ["../shared/workloads", "../../shared/workloads"]
        if arguments.count > 1, !arguments[1].hasPrefix("--") { candidates.insert(arguments[1], at: 0) }
        for directory in candidates {
            guard let kitchen = try? String(contentsOfFile: "\(directory)/kitchen-sink.graphql", encoding: .utf8),
                  let crm = try? String(contentsOfFile: "\(directory)/crm-nested.graphql", encoding: .utf8),
                  let large = try? String(contentsOfFile: "\(directory)/large.graphql", encoding: .utf8)
            else { continue }
            return Workloads(kitchenSink: kitchen, crmNested: crm, large: large)
        }
        return nil
    }
}

/// The SDL of the peer script's CRM-like schema.
let crmSDL = """
    type Company { id: ID! name: String website: String industry: String }
    type Contact { id: ID! name: String email: String phone: String company: Company }
    type Deal { id: ID! title: String amount: Float stage: String expectedCloseDate: String notes: String contact: Contact company: Company }
    type Query { deals(stage: String, first: Int): [Deal] }
    """
