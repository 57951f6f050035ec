import DealGraphTesting
import Testing
@testable import GraphQLEngine

@Suite struct MutationAndSubscriptionTests {
    /// Spec 6.2.2: root mutation fields run one after the other, each with its whole selection,
    /// even when an earlier one is slower.
    @Test func mutationsRunSerially() async throws {
        let log = EventLog()
        let schema = try makeSchema("""
            type Query { ok: Boolean }
            type Mutation { add(n: Int!, delayMs: Int!): Result }
            type Result { n: Int, echo: String }
            """) { schema in
            schema.attach(.batch { batch in
                let n = batch.arguments["n"]?.intValue ?? 0
                await log.append("start \(n)")
                try await Task.sleep(for: .milliseconds(batch.arguments["delayMs"]?.intValue ?? 0))
                await log.append("end \(n)")
                return [.success(object(["n": .int(n)]))]
            }, to: "Mutation", "add")
            schema.attach(.batch { batch in
                for parent in batch.parents { await log.append("echo \(parent["n"]?.intValue ?? -1)") }
                return batch.parents.map { .success(.string("n=\($0["n"]?.intValue ?? -1)")) }
            }, to: "Result", "echo")
        }
        let text = await run(schema, "mutation { a: add(n: 1, delayMs: 30) { n echo } b: add(n: 2, delayMs: 0) { echo } }")
        #expect(text == #"{"data":{"a":{"n":1,"echo":"n=1"},"b":{"echo":"n=2"}}}"#)
        #expect(await log.events == ["start 1", "end 1", "echo 1", "start 2", "end 2", "echo 2"])
    }

    static func subscriptionSchema() throws -> GraphQLSchema {
        try makeSchema("""
            type Query { ok: Boolean }
            type Subscription { dealChanged(stage: String!): DealEvent, broken: Int, plain: Int }
            type DealEvent { id: ID!, stage: String }
            """) { schema in
            schema.attach(subscriber: { batch in
                let stage = batch.arguments["stage"]?.stringValue ?? ""
                return AsyncThrowingStream { continuation in
                    for i in 1...3 { continuation.yield(object(["dealChanged": object(["id": .string("d\(i)"), "stage": .string(stage)])])) }
                    continuation.finish()
                }
            }, to: "dealChanged")
            schema.attach(subscriber: { _ in throw TestFailure("no stream today") }, to: "broken")
        }
    }

    @Test func eachEventIsExecutedAsAQuery() async throws {
        let executor = GraphQLExecutor(schema: try Self.subscriptionSchema())
        guard case .stream(let responses) = await executor.subscribe("subscription($s: String!) { dealChanged(stage: $s) { id stage } }",
                                                                     variables: ["s": "won"]) else {
            Issue.record("expected a stream")
            return
        }
        var texts: [String] = []
        for try await response in responses { texts.append(response.text) }
        #expect(texts == (1...3).map { #"{"data":{"dealChanged":{"id":"d\#($0)","stage":"won"}}}"# })
    }

    @Test func sourceStreamErrorsAreReported() async throws {
        let executor = GraphQLExecutor(schema: try Self.subscriptionSchema())
        guard case .failure(let response) = await executor.subscribe("subscription { broken }") else {
            Issue.record("expected a failure")
            return
        }
        #expect(response.text == #"{"errors":[{"message":"no stream today","locations":[{"line":1,"column":16}],"path":["broken"]}]}"#)
        guard case .failure(let missing) = await executor.subscribe("subscription { plain }") else {
            Issue.record("expected a failure")
            return
        }
        #expect(missing.errors.map(\.message) == ["Subscription field must return AsyncIterable. Received: undefined."])
        guard case .failure(let invalid) = await executor.subscribe("subscription { dealChanged { id } }") else {
            Issue.record("expected a failure")
            return
        }
        #expect(invalid.errors.count == 1)
    }
}

@Suite struct DataLoaderTests {
    /// A loader over `key * 10`, logging each batch.
    static func loader(log: CallLog, maxBatchSize: Int? = nil) -> DataLoader<Int, Int> {
        DataLoader(maxBatchSize: maxBatchSize) { keys in
            log.append(keys.map(String.init).joined(separator: ","))
            return keys.map { $0 * 10 }
        }
    }

    @Test func deduplicatesAndKeepsKeyOrder() async throws {
        let log = CallLog()
        let loader = Self.loader(log: log)
        #expect(try await loader.load([3, 1, 3, 2, 1]) == [30, 10, 30, 20, 10])
        #expect(log.all == ["3,1,2"])
    }

    @Test func cachesAcrossCalls() async throws {
        let log = CallLog()
        let loader = Self.loader(log: log)
        _ = try await loader.load([1, 2])
        #expect(try await loader.load([2, 3, 1]) == [20, 30, 10])
        #expect(try await loader.load(3) == 30)
        #expect(log.all == ["1,2", "3"])
        await loader.clear(3)
        await loader.prime(4, 99)
        #expect(try await loader.load([3, 4]) == [30, 99])
        #expect(log.all == ["1,2", "3", "3"])
    }

    @Test func splitsIntoMaxBatchSize() async throws {
        let log = CallLog()
        let loader = Self.loader(log: log, maxBatchSize: 2)
        #expect(try await loader.load([1, 2, 3, 4, 5]) == [10, 20, 30, 40, 50])
        #expect(log.all == ["1,2", "3,4", "5"])
    }

    @Test func concurrentLoadsShareOneBatch() async throws {
        let log = CallLog()
        let loader = DataLoader<Int, Int> { keys in
            log.append(keys.map(String.init).joined(separator: ","))
            try await Task.sleep(for: .milliseconds(20))
            return keys
        }
        async let first = loader.load([1, 2])
        #expect(await waitUntil { log.all == ["1,2"] }, "the first batch is under way")
        async let second = loader.load([2])
        #expect(try await first == [1, 2])
        #expect(try await second == [2])
        #expect(log.all == ["1,2"])
    }

    @Test func batchErrorsAndShortResultsAreThrown() async throws {
        let failing = DataLoader<Int, Int> { _ in throw TestFailure("db down") }
        await #expect(throws: TestFailure.self) { try await failing.load([1]) }
        let short = DataLoader<Int, Int> { _ in [1] }
        await #expect(throws: DataLoaderError.self) { try await short.load([1, 2]) }
    }
}
