import APICore
import CRMStore
import GraphQLEngine

/// The DealGraph GraphQL API: the schema generated from the class model with its resolvers on
/// CRMStore, and the one entry point every transport calls: ``execute(_:caller:)`` for queries
/// and mutations, ``subscribe(_:caller:)`` for a stream of responses.
///
/// A request's document is looked up in the executor's document cache (parsed, validated
/// against the schema and the limits, with its plans) and its operation is selected once. Share
/// one service between all requests.
public final class CRMGraphQLService: Sendable {
    /// The served schema, built from ``schemaSDL(model:options:)``.
    public let schema: GraphQLSchema
    public let configuration: APIConfiguration
    let store: CRMStore
    let api: APIModel
    let records: RecordFactory
    let wheres: WhereTranslation<GraphQLWhere>
    /// The live subscriptions of the gateway, shared with the other transports.
    public let live: LiveHub
    /// Which documents run, and the texts of persisted hashes.
    let documents: PersistedDocuments
    private let executor: GraphQLExecutor

    /// Builds the schema from the store's class model and options and attaches the resolvers;
    /// throws when a field of the schema would have no resolver. `live` is the gateway's hub of
    /// live subscriptions (a new one on the store when not given).
    public init(store: CRMStore, configuration: APIConfiguration = .init(), live: LiveHub? = nil) throws {
        self.store = store
        self.live = live ?? LiveHub(store: store)
        self.configuration = configuration
        api = APIModel(model: store.model, protectedFields: store.options.protectedFields)
        records = RecordFactory(api: api)
        wheres = WhereTranslation(model: store.model, dialect: GraphQLWhere(model: api))
        schema = try buildSchema(sdl: SchemaGenerator.sdl(for: api))
        try ResolverWiring.attach(to: schema, model: api, records: records)
        documents = PersistedDocuments(configuration: configuration, store: store)
        executor = GraphQLExecutor(schema: schema, cacheCapacity: configuration.planCacheSize,
                                   parseOptions: ParseOptions(maxTokens: configuration.maxTokens),
                                   validationOptions: configuration.validationOptions)
    }

    /// The SDL that a store with these options serves; `dealgraph schema` prints it and
    /// schema.graphql holds it for the default options.
    public static func schemaSDL(model: ClassModel, options: StoreOptions = StoreOptions()) -> String {
        SchemaGenerator.sdl(for: APIModel(model: model, protectedFields: options.protectedFields))
    }

    /// The request with its document's text (a persisted hash replaced by the text it stands
    /// for), or the answer when the document must not run (unknown hash, a hash that does not
    /// match the text, a document not on the allow-list). ``execute(_:caller:)`` and
    /// ``subscribe(_:caller:)`` do this first; a transport that needs the text before running
    /// (to count log-in attempts) calls it itself.
    public func resolveDocument(_ request: GraphQLRequest, caller: Caller) async throws(DocumentRefused) -> GraphQLRequest {
        switch await documents.resolve(request, isMaster: caller.access.isMaster) {
        case .success(let resolved): return resolved
        case .failure(let refused): throw DocumentRefused(outcome: refused.outcome)
        }
    }

    /// Runs a query or mutation for a caller.
    public func execute(_ sent: GraphQLRequest, caller: Caller) async -> GraphQLOutcome {
        let request: GraphQLRequest
        do {
            request = try await resolveDocument(sent, caller: caller)
        } catch {
            return error.outcome
        }
        let prepared = executor.prepare(request.query)
        let operation: OperationDefinitionNode
        switch select(prepared, request) {
        case .success(let selected): operation = selected
        case .failure(let refused): return refused.outcome
        }
        let variables = variables(request), context = context(for: caller)
        let run = { await self.executor.execute(prepared, operation: operation, variables: variables, context: context) }
        // A query's reads share one held connection (a replica's when one serves this caller); a
        // mutation's writes take theirs per transaction, and keep the caller's next reads on the primary.
        let response: GraphQLResponse
        if operation.operation == .query {
            response = await store.reading(for: caller.access, run)
        } else {
            store.noteWrite(by: caller.access)
            response = await run()
            store.noteWrite(by: caller.access)
        }
        // Without data: variable values that do not fit their types (spec 6.1.2 CoerceVariableValues).
        guard response.hasData else { return .requestError(body: RequestErrorCode.badUserInput.body(response.errors)) }
        if response.errors.contains(where: Self.isUnavailability) { return .unavailable(body: response.json) }
        return .executed(body: response.json)
    }

    /// The name of the operation a request runs, for logs and metrics: its `operationName`, else
    /// the name of the document's one operation (the document comes from the cache `execute`
    /// filled, not parsed again); nil for an anonymous operation.
    public func operationName(of request: GraphQLRequest) -> String? {
        if let name = request.operationName { return name }
        guard case .success(let operation) = executor.prepare(request.query).operation(named: nil) else { return nil }
        return operation.name?.value
    }

    /// How many sign-ups, log-ins and password resets a request asks for (the root fields of
    /// its mutation, aliases counted apart), so the transport can rate-limit them per client
    /// before anything runs. 0 for a query, a subscription, or a document that will not run.
    public func authAttempts(of request: GraphQLRequest) -> Int {
        let prepared = executor.prepare(request.query)
        guard prepared.errors.isEmpty, case .success(let operation) = prepared.operation(named: request.operationName),
              operation.operation == .mutation else { return 0 }
        return prepared.rootFields(of: operation).count { Self.authFields.contains($0.name) }
    }

    static let authFields: Set<String> = ["signUp", "logIn", "resetPassword"]

    /// An error of a resolver that met the database away (Parse code 100).
    static func isUnavailability(_ error: GraphQLError) -> Bool {
        error.extensions.contains { $0.key == "code" && $0.value == .int(ParseErrorCode.connectionFailed.rawValue) }
    }

    /// Runs an operation for a caller as a stream of outcomes: one per event of a subscription,
    /// the one response of a query or mutation, or a single request error.
    public func subscribe(_ sent: GraphQLRequest, caller: Caller) async -> AsyncStream<GraphQLOutcome> {
        let request: GraphQLRequest
        do {
            request = try await resolveDocument(sent, caller: caller)
        } catch {
            return .just(error.outcome)
        }
        let prepared = executor.prepare(request.query)
        let operation: OperationDefinitionNode
        switch select(prepared, request) {
        case .success(let selected): operation = selected
        case .failure(let refused): return .just(refused.outcome)
        }
        // Each event runs with a context of its own, so that one event's loads are not reused by the
        // next, reading with the other subscribers of its change.
        let result = await executor.subscribe(prepared, operation: operation, variables: variables(request),
                                              context: context(for: caller), eventContext: { event in
            self.context(for: caller, ticket: ClassSubscriptions.ticket(of: event))
        })
        switch result {
        case .failure(let response):
            return .just(.requestError(body: RequestErrorCode.badUserInput.body(response.errors)))
        case .stream(let responses):
            return AsyncStream { continuation in
                let task = Task {
                    do {
                        for try await response in responses { continuation.yield(.executed(body: response.json)) }
                    } catch {
                        continuation.yield(.executed(body: GraphQLResponse(requestErrors: [GraphQLError.resolving(error)]).json))
                    }
                    continuation.finish()
                }
                continuation.onTermination = { _ in task.cancel() }
            }
        }
    }

    /// The operation a request runs (spec 6.1 GetOperation, looked up once), or the answer to a
    /// request that must not run: syntax or validation errors, no such operation, or a mutation
    /// where only queries may run.
    private func select(_ prepared: PreparedDocument, _ request: GraphQLRequest) -> Result<OperationDefinitionNode, Refusal> {
        if !prepared.errors.isEmpty {
            let code: RequestErrorCode = prepared.parseFailed ? .parseFailed : .validationFailed
            return .failure(Refusal(outcome: .requestError(body: code.body(prepared.errors))))
        }
        switch prepared.operation(named: request.operationName) {
        case .failure(let error):
            return .failure(Refusal(outcome: .requestError(body: RequestErrorCode.badUserInput.body([error]))))
        case .success(let operation) where request.queriesOnly && operation.operation != .query:
            let error = GraphQLError("Can only perform a \(OperationType.query.rawValue) operation from a GET request.")
            return .failure(Refusal(outcome: .methodNotAllowed(body: GraphQLResponse(requestErrors: [error]).json)))
        case .success(let operation):
            return .success(operation)
        }
    }

    /// A request answered without running.
    private struct Refusal: Error {
        let outcome: GraphQLOutcome
    }

    private func variables(_ request: GraphQLRequest) -> [String: GraphQLValue] {
        var variables: [String: GraphQLValue] = [:]
        for (name, value) in request.variables?.fields ?? Record(fields: []).fields { variables[name] = value }
        return variables
    }

    private func context(for caller: Caller, ticket: LiveRound.Ticket? = nil) -> ResolverContext {
        ResolverContext(store: store, api: api, records: records, configuration: configuration, wheres: wheres, live: live,
                        caller: caller, ticket: ticket)
    }
}

extension AsyncStream where Element: Sendable {
    /// A stream of one element.
    static func just(_ element: Element) -> AsyncStream {
        AsyncStream { continuation in
            continuation.yield(element)
            continuation.finish()
        }
    }
}
