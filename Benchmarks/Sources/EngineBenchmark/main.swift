import Foundation

// Measures GraphQLEngine and, in the same run, GraphQLSwift/GraphQL as a peer, on the shared
// workloads: parse, validate, and execute crm-nested over 1,000 in-memory deals with
// serialization. Lines follow the graphql-js peer script's format, prefixed by implementation.

guard let workloads = Workloads.load(arguments: CommandLine.arguments) else {
    print("EngineBenchmark: ../shared/workloads not found; skipping (pass the folder as first argument)")
    exit(0)
}

// `--execute-only` times only the execution figure; `--dealgraph-only` skips the peer (both for
// profiling runs); `--print-response` prints DealGraph's crm-nested response instead of timing.
let executeOnly = CommandLine.arguments.contains("--execute-only")
let withPeer = !executeOnly && !CommandLine.arguments.contains("--dealgraph-only")

// The runs happen in a task while the main thread waits, as a server's request handlers run, and
// so that valgrind can run the benchmark: top-level `await` parks the main thread in dispatch's
// `sigsuspend` on a read-only signal mask, which valgrind 3.19 writes to and crashes on.
let finished = DispatchSemaphore(value: 0)
Task.detached {
    do {
        try await DealGraphRun(workloads: workloads).run(executeOnly: executeOnly)
        if withPeer { try await GraphQLSwiftRun(workloads: workloads).run() }
    } catch {
        print("EngineBenchmark: \(error)")
        exit(1)
    }
    finished.signal()
}
finished.wait()
