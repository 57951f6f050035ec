import Synchronization
import Testing
@testable import GraphQLEngine

/// Builds a schema from SDL for a test; `configure` attaches resolvers.
func makeSchema(_ sdl: String, configure: (GraphQLSchema) -> Void = { _ in }) throws -> GraphQLSchema {
    let schema = try buildSchema(sdl: sdl)
    configure(schema)
    return schema
}

/// Runs `source` and returns the response JSON as text.
func run(
    _ schema: GraphQLSchema,
    _ source: String,
    variables: [String: GraphQLValue] = [:],
    operationName: String? = nil,
    rootValue: GraphQLValue = .null,
    context: any Sendable = ()
) async -> String {
    await graphql(schema: schema, source: source, variables: variables, operationName: operationName,
                  context: context, rootValue: rootValue).text
}

/// A record from name/value pairs.
func object(_ fields: KeyValuePairs<String, GraphQLValue>) -> GraphQLValue {
    .object(Record(fields: fields.map { ($0.key, $0.value) }))
}

/// An error thrown by test resolvers.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Records the order in which things happen across tasks.
actor EventLog {
    private(set) var events: [String] = []
    func append(_ event: String) { events.append(event) }
}

/// Records calls from synchronous resolvers running on any thread.
final class CallLog: Sendable {
    private let entries = Mutex<[String]>([])
    func append(_ entry: String) { entries.withLock { $0.append(entry) } }
    var all: [String] { entries.withLock { $0 } }
}
