import Synchronization

/// Runs GraphQL requests against one schema: parses, validates, plans and executes, keeping the
/// prepared documents (with their plans) in a bounded LRU cache keyed by document text.
///
/// Share one executor between all requests: it is immutable apart from its cache.
public final class GraphQLExecutor: Sendable {
    /// The schema.
    public let schema: GraphQLSchema
    /// Limits applied while parsing.
    public let parseOptions: ParseOptions
    /// Limits applied while validating (depth, fields, aliases).
    public let validationOptions: ValidationOptions
    private let documents: LRUCache<String, PreparedDocument>

    /// An executor caching up to `cacheCapacity` documents.
    public init(
        schema: GraphQLSchema,
        cacheCapacity: Int = 512,
        parseOptions: ParseOptions = ParseOptions(),
        validationOptions: ValidationOptions = ValidationOptions()
    ) {
        self.schema = schema
        self.parseOptions = parseOptions
        self.validationOptions = validationOptions
        self.documents = LRUCache(capacity: max(1, cacheCapacity))
    }

    /// The parsed and validated document for `source`, from the cache when it was seen before.
    public func prepare(_ source: String) -> PreparedDocument {
        if let cached = documents.value(for: source) { return cached }
        let prepared = prepareDocument(schema: schema, source: source, parseOptions: parseOptions,
                                       validationOptions: validationOptions)
        documents.insert(prepared, for: source)
        return prepared
    }

    /// Executes the operation `operationName` of `source`.
    public func execute(
        _ source: String,
        variables: [String: GraphQLValue] = [:],
        operationName: String? = nil,
        context: any Sendable = (),
        rootValue: GraphQLValue = .null
    ) async -> GraphQLResponse {
        await execute(prepare(source), variables: variables, operationName: operationName,
                      context: context, rootValue: rootValue)
    }

    /// Executes the operation `operationName` of a prepared document.
    public func execute(
        _ prepared: PreparedDocument,
        variables: [String: GraphQLValue] = [:],
        operationName: String? = nil,
        context: any Sendable = (),
        rootValue: GraphQLValue = .null
    ) async -> GraphQLResponse {
        await executePrepared(prepared, schema: schema, variables: variables, operationName: operationName,
                              context: context, rootValue: rootValue)
    }

    /// Executes `operation`, already selected from a prepared document with
    /// ``PreparedDocument/operation(named:)`` (so a caller that inspects the operation first does
    /// not look it up twice).
    public func execute(
        _ prepared: PreparedDocument,
        operation: OperationDefinitionNode,
        variables: [String: GraphQLValue] = [:],
        context: any Sendable = (),
        rootValue: GraphQLValue = .null
    ) async -> GraphQLResponse {
        await executePrepared(prepared, schema: schema, variables: variables, operationName: operation.name?.value,
                              operation: operation, context: context, rootValue: rootValue)
    }

    /// The number of documents in the cache.
    public var cachedDocumentCount: Int { documents.count }
}

/// Parses, validates and executes a request in one go, without caching (graphql-js `graphql`).
public func graphql(
    schema: GraphQLSchema,
    source: String,
    variables: [String: GraphQLValue] = [:],
    operationName: String? = nil,
    context: any Sendable = (),
    rootValue: GraphQLValue = .null
) async -> GraphQLResponse {
    let prepared = prepareDocument(schema: schema, source: source, parseOptions: ParseOptions(),
                                   validationOptions: ValidationOptions())
    return await executePrepared(prepared, schema: schema, variables: variables, operationName: operationName,
                                 context: context, rootValue: rootValue)
}

/// Executes an operation of a document that was already validated against `schema`
/// (graphql-js `execute`).
public func execute(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: [String: GraphQLValue] = [:],
    operationName: String? = nil,
    context: any Sendable = (),
    rootValue: GraphQLValue = .null
) async -> GraphQLResponse {
    await executePrepared(PreparedDocument(document: document), schema: schema, variables: variables,
                          operationName: operationName, context: context, rootValue: rootValue)
}

/// Parses and validates `source` (spec 6.1: only a valid document is executed).
func prepareDocument(
    schema: GraphQLSchema,
    source: String,
    parseOptions: ParseOptions,
    validationOptions: ValidationOptions
) -> PreparedDocument {
    let document: DocumentNode
    do {
        document = try parse(Source(source), options: parseOptions)
    } catch {
        return PreparedDocument(document: DocumentNode(definitions: []), errors: [error], parseFailed: true)
    }
    return PreparedDocument(document: document, errors: validate(schema: schema, document: document, options: validationOptions))
}

/// Spec 6.1 ExecuteRequest for queries and mutations: select the operation, coerce the
/// variables, plan (cached in the prepared document) and run.
func executePrepared(
    _ prepared: PreparedDocument,
    schema: GraphQLSchema,
    variables inputs: [String: GraphQLValue],
    operationName: String?,
    operation: OperationDefinitionNode? = nil,
    context: any Sendable,
    rootValue: GraphQLValue
) async -> GraphQLResponse {
    switch preparePlan(prepared, schema: schema, variables: inputs, operationName: operationName, operation: operation) {
    case .failure(let failure):
        return GraphQLResponse(requestErrors: failure.errors)
    case .success(let (plan, variables)):
        return await run(plan, variables: variables, context: context, rootValue: rootValue)
    }
}

/// The plan and coerced variables of a request, or its request errors. `operation`, when given,
/// is the operation the caller already selected from the document (by `operationName`).
func preparePlan(
    _ prepared: PreparedDocument,
    schema: GraphQLSchema,
    variables inputs: [String: GraphQLValue],
    operationName: String?,
    operation selected: OperationDefinitionNode? = nil
) -> Result<(ExecutionPlan, [String: GraphQLValue]), RequestErrors> {
    if !prepared.errors.isEmpty { return .failure(RequestErrors(errors: prepared.errors)) }
    let operation: OperationDefinitionNode
    if let selected {
        operation = selected
    } else {
        switch prepared.operation(named: operationName) {
        case .success(let found): operation = found
        case .failure(let error): return .failure(RequestErrors(errors: [error]))
        }
    }
    let variables: [String: GraphQLValue]
    switch coerceVariableValues(schema: schema, definitions: operation.variableDefinitions, inputs: inputs,
                                source: prepared.document.source) {
    case .success(let coerced): variables = coerced
    case .failure(let errors): return .failure(errors)
    }
    switch prepared.plan(for: operation, schema: schema, variables: variables) {
    case .success(let plan): return .success((plan, variables))
    case .failure(let error): return .failure(RequestErrors(errors: [error]))
    }
}

/// Runs a plan and writes the response.
func run(
    _ plan: ExecutionPlan,
    variables: [String: GraphQLValue],
    context: any Sendable,
    rootValue: GraphQLValue
) async -> GraphQLResponse {
    let execution = Execution(plan: plan, variables: variables, context: context)
    let root = ObjectBatch(selection: plan.root)
    root.objects = [rootValue]
    if plan.operation.operation == .mutation {
        await execution.runSerially(root)
    } else {
        await execution.run(root, fields: Array(plan.root.fields.indices))
    }
    var errors: [GraphQLError] = []
    let json = ResponseWriter.collect(capacity: root.estimatedResponseSize()) { writer in
        var serializer = ResponseSerializer(source: plan.source, writer: writer)
        serializer.writer.writeRaw(dataPrefix)
        if !serializer.writeObject(root, 0) { serializer.writer.writeNull() }
        errors = serializer.errors
        var writer = serializer.finish()
        if !errors.isEmpty {
            writer.writeRaw(errorsPrefix)
            writer.writeErrors(errors)
        }
        writer.writeByte(UInt8(ascii: "}"))
        return writer
    }
    return GraphQLResponse(json: json, errors: errors, hasData: true)
}

private let dataPrefix: [UInt8] = Array("{\"data\":".utf8)
private let errorsPrefix: [UInt8] = Array(",\"errors\":".utf8)
