/// How a field's values are produced.
///
/// The executor is breadth-first: it resolves one field for every parent of a level at once.
/// A `batch` resolver receives all those parents in one call and returns one result per parent,
/// in the same order, so loading `deals -> contact` for a page of deals is one lookup, with no
/// timers. An `each` resolver is called once per parent, synchronously: for computed fields.
/// Fields without a resolver read the field of the parent ``Record`` by name.
public struct FieldResolver: Sendable {
    enum Body: Sendable {
        case batch(@Sendable (FieldBatch) async throws -> [FieldResult])
        case each(@Sendable (GraphQLValue, FieldBatch) throws -> GraphQLValue)
    }

    let body: Body

    /// A resolver called once per level with every parent; it returns one result per parent, in
    /// parent order. Throwing fails the field for every parent.
    public static func batch(
        _ resolve: @escaping @Sendable (FieldBatch) async throws -> [FieldResult]
    ) -> FieldResolver {
        FieldResolver(body: .batch(resolve))
    }

    /// A resolver called once per parent, without suspending. The batch gives access to the
    /// arguments and context; its `parents` are all parents of the level.
    public static func each(
        _ resolve: @escaping @Sendable (_ parent: GraphQLValue, _ batch: FieldBatch) throws -> GraphQLValue
    ) -> FieldResolver {
        FieldResolver(body: .each(resolve))
    }
}

/// The value or error a resolver produced for one parent.
public typealias FieldResult = Result<GraphQLValue, any Error>

/// Creates the source event stream of a subscription root field (spec 6.3.1
/// CreateSourceEventStream); each event then becomes the root value of one execution.
/// The batch has exactly one parent: the operation's root value.
public typealias SubscriptionResolver = @Sendable (FieldBatch) async throws -> AsyncThrowingStream<GraphQLValue, any Error>

/// One field at one level: every parent that needs it, its coerced arguments and the request
/// context.
public struct FieldBatch: Sendable {
    /// The parent values, one per object of the level that selects this field.
    public let parents: [GraphQLValue]
    /// The coerced arguments (spec 6.4.1 CoerceArgumentValues): given ones and defaults; an
    /// argument neither given nor defaulted is absent.
    public let arguments: Record
    /// The request's context, as passed to the executor.
    public let context: any Sendable
    /// The field being resolved, with its selection (for look-ahead).
    public let plan: FieldPlan
    /// The schema.
    public let schema: GraphQLSchema

    /// The field definition.
    public var field: FieldDefinition { plan.definition }
    /// The object type the parents belong to.
    public var parentType: ObjectType { plan.parentType }
}
