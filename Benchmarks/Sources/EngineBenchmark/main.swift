import Foundation

// Measures GraphQLEngine and, in the same run, GraphQLSwift/GraphQL as a peer, on the shared
// workloads: parse, validate, and execute crm-nested over 1,000 in-memory deals with
// serialization. Lines follow the graphql-js peer script's format, prefixed by implementation.

guard let workloads = Workloads.load(arguments: CommandLine.arguments) else {
    print("EngineBenchmark: ../shared/workloads not found; skipping (pass the folder as first argument)")
    exit(0)
}

try await DealGraphRun(workloads: workloads).run()
// `--dealgraph-only` skips the peer, for profiling runs.
if !CommandLine.arguments.contains("--dealgraph-only") {
    try await GraphQLSwiftRun(workloads: workloads).run()
}
