/// A context that is told when the batch resolvers of a level run: a loader shared by several
/// executions waits until every one of their resolvers has asked for its reads before it reads.
public protocol ResolverActivity: Sendable {
    /// `count` batch resolvers of one level start.
    func resolversStarted(_ count: Int)
    /// One of them returned (or threw).
    func resolverFinished()
}
