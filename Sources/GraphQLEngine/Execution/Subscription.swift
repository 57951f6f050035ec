/// What `subscribe` returns: a stream of responses, one per source event, or the response that
/// explains why no stream could be created (spec 6.2.3 Subscribe).
public enum SubscriptionResult: Sendable {
    /// One response per event of the source stream; ends when the source ends.
    case stream(AsyncThrowingStream<GraphQLResponse, any Error>)
    /// A request error, or the error of creating the source stream.
    case failure(GraphQLResponse)
}

extension GraphQLExecutor {
    /// Subscribes to the subscription operation `operationName` of `source`.
    public func subscribe(
        _ source: String,
        variables: [String: GraphQLValue] = [:],
        operationName: String? = nil,
        context: any Sendable = (),
        rootValue: GraphQLValue = .null
    ) async -> SubscriptionResult {
        await subscribe(prepare(source), variables: variables, operationName: operationName, context: context,
                        rootValue: rootValue)
    }

    /// Subscribes to the subscription operation `operationName` of a prepared document.
    public func subscribe(
        _ prepared: PreparedDocument,
        variables: [String: GraphQLValue] = [:],
        operationName: String? = nil,
        context: any Sendable = (),
        rootValue: GraphQLValue = .null
    ) async -> SubscriptionResult {
        await subscribePrepared(prepared, schema: schema, variables: variables, operationName: operationName,
                                context: context, rootValue: rootValue)
    }

    /// Subscribes to `operation`, already selected from a prepared document. `eventContext`, when
    /// given, makes the context each event (its argument) is executed with (a context that caches
    /// what it reads must not carry one event's reads into the next); `context` creates the source
    /// stream.
    public func subscribe(
        _ prepared: PreparedDocument,
        operation: OperationDefinitionNode,
        variables: [String: GraphQLValue] = [:],
        context: any Sendable = (),
        eventContext: (@Sendable (GraphQLValue) -> any Sendable)? = nil,
        rootValue: GraphQLValue = .null
    ) async -> SubscriptionResult {
        await subscribePrepared(prepared, schema: schema, variables: variables, operationName: operation.name?.value,
                                operation: operation, context: context, eventContext: eventContext, rootValue: rootValue)
    }
}

/// Subscribes to an operation of a document already validated against `schema`.
public func subscribe(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: [String: GraphQLValue] = [:],
    operationName: String? = nil,
    context: any Sendable = (),
    rootValue: GraphQLValue = .null
) async -> SubscriptionResult {
    await subscribePrepared(PreparedDocument(document: document), schema: schema, variables: variables,
                            operationName: operationName, context: context, rootValue: rootValue)
}

/// Spec 6.2.3: CreateSourceEventStream, then MapSourceToResponseEvent, each event executed as
/// the root value of the operation (ExecuteSubscriptionEvent). Queries and mutations sent here
/// produce a stream of their one response.
func subscribePrepared(
    _ prepared: PreparedDocument,
    schema: GraphQLSchema,
    variables inputs: [String: GraphQLValue],
    operationName: String?,
    operation: OperationDefinitionNode? = nil,
    context: any Sendable,
    eventContext: (@Sendable (GraphQLValue) -> any Sendable)? = nil,
    rootValue: GraphQLValue
) async -> SubscriptionResult {
    let plan: ExecutionPlan
    let variables: [String: GraphQLValue]
    switch preparePlan(prepared, schema: schema, variables: inputs, operationName: operationName, operation: operation) {
    case .failure(let failure):
        return .failure(GraphQLResponse(requestErrors: failure.errors))
    case .success(let prepared):
        (plan, variables) = prepared
    }
    guard plan.operation.operation == .subscription else {
        let response = await run(plan, variables: variables, context: context, rootValue: rootValue)
        return .stream(AsyncThrowingStream { continuation in
            continuation.yield(response)
            continuation.finish()
        })
    }
    let sourceStream: AsyncThrowingStream<GraphQLValue, any Error>
    switch await createSourceEventStream(plan, variables: variables, context: context, rootValue: rootValue) {
    case .failure(let error):
        return .failure(GraphQLResponse(requestErrors: [error]))
    case .success(let stream):
        sourceStream = stream
    }
    return .stream(AsyncThrowingStream { continuation in
        let task = Task {
            do {
                for try await event in sourceStream {
                    continuation.yield(await run(plan, variables: variables, context: eventContext?(event) ?? context, rootValue: event))
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
    })
}

/// Spec 6.2.3.1 CreateSourceEventStream: the subscription root field's source stream resolver,
/// called with the operation's root value and the field's arguments.
private func createSourceEventStream(
    _ plan: ExecutionPlan,
    variables: [String: GraphQLValue],
    context: any Sendable,
    rootValue: GraphQLValue
) async -> Result<AsyncThrowingStream<GraphQLValue, any Error>, GraphQLError> {
    guard let field = plan.root.fields.first else {
        return .failure(GraphQLError("The subscription operation selects no field.", at: [plan.operation.loc], in: plan.source))
    }
    func located(_ error: GraphQLError) -> GraphQLError {
        var error = error
        error.locations = field.nodes.map { plan.source.location(of: $0.loc.start) }
        error.path = [.key(field.responseKey)]
        return error
    }
    let arguments: Record
    switch field.argumentValues(variables: variables, source: plan.source) {
    case .success(let record): arguments = record
    case .failure(let error): return .failure(located(error))
    }
    guard let subscriber = field.definition.subscriber else {
        return .failure(located(GraphQLError("Subscription field must return AsyncIterable. Received: undefined.")))
    }
    do {
        let input = FieldBatch(parents: [rootValue], arguments: arguments, context: context, plan: field, schema: plan.schema)
        return .success(try await subscriber(input))
    } catch {
        return .failure(located(graphQLError(from: error)))
    }
}
