import Testing
@testable import GraphQLEngine

/// Prepared documents and plans are cached: by document text, then by operation and the values of
/// the variables that `@skip`/`@include` read; the document cache is a bounded LRU.
@Suite struct PlanCacheTests {
    static func schema() throws -> GraphQLSchema {
        try makeSchema("type Query { a(x: Int): Int, b: Int }") { schema in
            schema.attach(.each { _, _ in 1 }, to: "Query", "a")
            schema.attach(.each { _, _ in 2 }, to: "Query", "b")
        }
    }

    @Test func repeatedRequestsReuseDocumentAndPlan() async throws {
        let executor = GraphQLExecutor(schema: try Self.schema())
        let source = "query Q($x: Int) { a(x: $x) }"
        let first = executor.prepare(source)
        #expect(executor.prepare(source) === first)
        let variables: [String: GraphQLValue] = ["x": 1]
        guard case .success(let operation) = first.operation(named: nil),
              case .success(let plan1) = first.plan(for: operation, schema: executor.schema, variables: variables),
              case .success(let plan2) = first.plan(for: operation, schema: executor.schema, variables: ["x": 2]) else {
            Issue.record("planning failed")
            return
        }
        #expect(plan1 === plan2)
        #expect(await executor.execute(source, variables: variables).text == #"{"data":{"a":1}}"#)
    }

    @Test func conditionVariablesSelectDifferentPlans() async throws {
        let executor = GraphQLExecutor(schema: try Self.schema())
        let source = "query($s: Boolean!) { a @skip(if: $s) b }"
        #expect(await executor.execute(source, variables: ["s": true]).text == #"{"data":{"b":2}}"#)
        #expect(await executor.execute(source, variables: ["s": false]).text == #"{"data":{"a":1,"b":2}}"#)
        #expect(await executor.execute(source, variables: ["s": true]).text == #"{"data":{"b":2}}"#)
        let prepared = executor.prepare(source)
        guard case .success(let operation) = prepared.operation(named: nil),
              case .success(let skip) = prepared.plan(for: operation, schema: executor.schema, variables: ["s": true]),
              case .success(let keep) = prepared.plan(for: operation, schema: executor.schema, variables: ["s": false]) else {
            Issue.record("planning failed")
            return
        }
        #expect(skip !== keep)
        #expect(skip.root.fields.map(\.responseKey) == ["b"])
    }

    @Test func leastRecentlyUsedDocumentIsEvicted() throws {
        let executor = GraphQLExecutor(schema: try Self.schema(), cacheCapacity: 2)
        let one = executor.prepare("{ a }")
        let two = executor.prepare("{ b }")
        #expect(executor.prepare("{ a }") === one)
        _ = executor.prepare("{ a b }")
        #expect(executor.cachedDocumentCount == 2)
        #expect(executor.prepare("{ a }") === one)
        #expect(executor.prepare("{ b }") !== two)
    }

    @Test func lruKeepsRecentEntries() {
        let cache = LRUCache<Int, String>(capacity: 3)
        for i in 0..<3 { cache.insert("v\(i)", for: i) }
        _ = cache.value(for: 0)
        cache.insert("v3", for: 3)
        #expect(cache.value(for: 1) == nil)
        #expect(cache.value(for: 0) == "v0")
        cache.insert("v4", for: 4)
        #expect(cache.value(for: 2) == nil)
        #expect(cache.value(for: 3) == "v3")
        cache.insert("w3", for: 3)
        #expect(cache.value(for: 3) == "w3")
        #expect(cache.count == 3)
    }

    @Test func sharedExecutorServesConcurrentRequests() async throws {
        let executor = GraphQLExecutor(schema: try Self.schema(), cacheCapacity: 4)
        let texts = await withTaskGroup(of: String.self) { group in
            for i in 0..<64 {
                group.addTask { await executor.execute(i % 2 == 0 ? "{ a }" : "{ b a }").text }
            }
            var all: [String] = []
            for await text in group { all.append(text) }
            return all
        }
        #expect(Set(texts) == [#"{"data":{"a":1}}"#, #"{"data":{"b":2,"a":1}}"#])
    }
}
