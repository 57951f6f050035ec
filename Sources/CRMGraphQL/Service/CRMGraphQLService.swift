import CRMStore
import GraphQLEngine

/// The DealGraph API: the schema generated from the class model with its resolvers on
/// CRMStore, and request execution with limits checked before any SQL runs.
///
/// Share one service between all requests.
public final class CRMGraphQLService: Sendable {
    /// The served schema, built from ``schemaSDL(model:)``.
    public let schema: GraphQLSchema
    public let configuration: APIConfiguration
    let store: CRMStore
    let api: APIModel
    let records: RecordFactory
    private let executor: GraphQLExecutor
    private let documents: PreparedDocuments

    /// Builds the schema from the store's class model and attaches the resolvers.
    public init(store: CRMStore, configuration: APIConfiguration = .init()) throws {
        self.store = store
        self.configuration = configuration
        api = APIModel(model: store.model)
        records = RecordFactory(api: api)
        schema = try buildSchema(sdl: SchemaGenerator.sdl(for: api))
        ResolverWiring.attach(to: schema, model: api)
        documents = PreparedDocuments(configuration: configuration)
        // Documents are prepared and cached by `documents`; the executor only runs them.
        executor = GraphQLExecutor(schema: schema, cacheCapacity: 1)
    }

    /// The SDL that `dealgraph schema` prints and schema.graphql holds.
    public static func schemaSDL(model: ClassModel) -> String {
        SchemaGenerator.sdl(for: APIModel(model: model))
    }

    /// Runs one request. `allowMutations` is false for GET: only queries run then.
    public func execute(_ request: GraphQLRequest, credentials: RequestCredentials,
                        allowMutations: Bool) async -> GraphQLOutcome {
        let (prepared, operation) = documents.prepare(request.query, operationName: request.operationName, schema: schema)
        if !prepared.errors.isEmpty {
            return .requestError(body: GraphQLResponse(requestErrors: prepared.errors).json)
        }
        if !allowMutations, let kind = operation?.operation, kind != .query {
            let error = GraphQLError("Can only perform a \(OperationType.query.rawValue) operation from a GET request.")
            return .methodNotAllowed(body: GraphQLResponse(requestErrors: [error]).json)
        }
        var variables: [String: GraphQLValue] = [:]
        for (name, value) in request.variables?.fields ?? Record(fields: []).fields { variables[name] = value }
        let context = RequestContext(store: store, api: api, records: records, configuration: configuration,
                                     credentials: credentials)
        let response = await executor.execute(prepared, variables: variables, operationName: request.operationName,
                                              context: context)
        guard response.hasData else {
            // Variable values that do not fit their types (spec 6.1.2 CoerceVariableValues).
            let errors = response.errors.map { RequestErrorCode.badUserInput.mark($0) }
            return .requestError(body: GraphQLResponse(requestErrors: errors).json)
        }
        return .executed(body: response.json)
    }
}
