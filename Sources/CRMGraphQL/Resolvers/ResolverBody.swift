import GraphQLEngine

/// Wraps resolver bodies so that every error leaves as a client-safe GraphQL error with its
/// Parse code (``GraphQLError/resolving(_:)``), never as a raw description.
enum ResolverBody {
    /// A field resolved for all parents of a level at once, one value per parent.
    static func batch(
        _ body: @escaping @Sendable (FieldBatch, ResolverContext) async throws -> [GraphQLValue]
    ) -> FieldResolver {
        .batch { batch in
            do {
                return try await body(batch, try ResolverContext.of(batch)).map { .success($0) }
            } catch {
                let mapped = GraphQLError.resolving(error)
                return batch.parents.map { _ in .failure(mapped) }
            }
        }
    }

    /// A root field: the same value for the (single) root parent.
    static func root(
        _ body: @escaping @Sendable (FieldBatch, ResolverContext) async throws -> GraphQLValue
    ) -> FieldResolver {
        batch { batch, context in
            let value = try await body(batch, context)
            return batch.parents.map { _ in value }
        }
    }
}
