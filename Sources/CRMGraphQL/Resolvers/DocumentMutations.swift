import CRMStore
import GraphQLEngine

/// `registerDocument`: puts a document on the allow-list of persisted queries (master key only;
/// docs/API.md "Persisted queries").
enum DocumentMutations {
    static let payloadShape = RecordShape(["sha256Hash", "clientMutationId"])

    static let registerDocument = ResolverBody.root { batch, context in
        let input = batch.arguments["input"]
        // `text: String!`: validation has made sure it is there.
        let text = input?["text"]?.stringValue ?? ""
        let hash = try await context.store.registerDocument(text, context: context.access)
        return .object(Record(shape: payloadShape, values: [.string(hash), MutationInput.clientMutationId(input)]))
    }
}
