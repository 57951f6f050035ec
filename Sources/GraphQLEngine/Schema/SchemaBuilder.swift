/// Builds a schema from a type-system document (graphql-js `buildSchema`): every definition and
/// extension of spec section 3, descriptions, `@deprecated`, `@specifiedBy`, `@oneOf` and default
/// values. Without a schema definition the types named `Query`, `Mutation` and `Subscription` are
/// the roots (spec 3.3.1 "Default Root Operation Type Names").
///
/// Fields have no resolvers: they read the parent record's field of the same name until the
/// application attaches resolvers (build phase, see ``GraphQLSchema``). Custom scalars pass values
/// through unchanged.
///
/// Throws a ``SchemaError`` listing every problem: syntax errors, the SDL rules of graphql-js's
/// `assertValidSDL` (unknown or duplicate names, misplaced directives, extensions of unknown
/// types), invalid default values and, when `validate` is true, the type-system validation of
/// ``validateSchema(_:)``.
public func buildSchema(sdl: String, validate: Bool = true, options: ParseOptions = .schema) throws(SchemaError) -> GraphQLSchema {
    let document: DocumentNode
    do {
        document = try parse(Source(sdl, name: "GraphQL SDL"), options: options)
    } catch {
        throw SchemaError([error])
    }
    return try buildSchema(document: document, validate: validate)
}

/// Builds a schema from a parsed type-system document; see ``buildSchema(sdl:validate:options:)``.
public func buildSchema(document: DocumentNode, validate: Bool = true) throws(SchemaError) -> GraphQLSchema {
    var builder = SchemaBuilder(source: document.source)
    let schema = builder.build(document)
    guard let schema, builder.errors.isEmpty else { throw SchemaError(builder.errors) }
    if validate {
        let problems = validateSchema(schema)
        if !problems.isEmpty { throw SchemaError(problems) }
    }
    return schema
}

extension GraphQLSchema {
    /// A schema built from SDL; see ``buildSchema(sdl:validate:options:)``.
    public convenience init(sdl: String, validate: Bool = true) throws(SchemaError) {
        let built = try buildSchema(sdl: sdl, validate: validate)
        do {
            try self.init(
                query: built.queryType, mutation: built.mutationType, subscription: built.subscriptionType,
                types: built.types, directives: built.directives, description: built.description)
        } catch {
            throw SchemaError([error])
        }
    }
}

extension ParseOptions {
    /// Limits for schema documents: as deep as requests, but room for large generated schemas.
    public static let schema = ParseOptions(maxTokens: 10_000_000, maxDepth: 256)
}

/// The state of one build: the document's definitions grouped by name, the types made from them,
/// and the problems found so far.
struct SchemaBuilder {
    let source: Source
    private(set) var errors: [GraphQLError] = []

    var schemaDefinition: SchemaDefinitionNode?
    var schemaExtensions: [SchemaDefinitionNode] = []
    /// The first definition of each type name, in document order.
    var definitions: [TypeDefinitionNode] = []
    /// Extensions by type name, those of the wrong kind or of unknown types left out.
    var extensions: [String: [TypeDefinitionNode]] = [:]
    var directiveNodes: [DirectiveDefinitionNode] = []

    /// The types by name: the standard ones, then those of the document.
    var types: [String: NamedType]
    /// The directives by name: those of the document, and the specified ones it does not redefine.
    var directives: [String: DirectiveDefinition] = [:]

    init(source: Source) {
        self.source = source
        var standard: [String: NamedType] = [:]
        for scalar in ScalarType.builtIns { standard[scalar.name] = .scalar(scalar) }
        for type in Introspection.types { standard[type.name] = type }
        types = standard
    }

    mutating func report(_ message: String, _ locations: Location...) {
        errors.append(GraphQLError(message, at: locations, in: source))
    }

    /// Definitions then extensions of a type, as one list.
    func nodes(of definition: TypeDefinitionNode) -> [TypeDefinitionNode] {
        [definition] + (extensions[definition.name.value] ?? [])
    }

    mutating func build(_ document: DocumentNode) -> GraphQLSchema? {
        gather(document)
        checkExtensions()
        let defined = makeTypes()
        makeDirectives()
        checkAppliedDirectives()
        let roots = rootTypes()
        let redefined = Set(directiveNodes.map(\.name.value))
        let ordered = directiveNodes.compactMap { directives[$0.name.value] }
            + DirectiveDefinition.specified.filter { !redefined.contains($0.name) }
        do {
            return try GraphQLSchema(
                query: roots[.query], mutation: roots[.mutation], subscription: roots[.subscription],
                types: defined, directives: ordered, description: schemaDefinition?.description?.value)
        } catch {
            errors.append(error)
            return nil
        }
    }

    /// Sorts the definitions by kind; reports duplicates (graphql-js LoneSchemaDefinition,
    /// UniqueTypeNames, UniqueDirectiveNames) and executable definitions.
    private mutating func gather(_ document: DocumentNode) {
        var typeNames: [String: NameNode] = [:]
        var directiveNames: [String: NameNode] = [:]
        for definition in document.definitions {
            switch definition {
            case .operation, .fragment:
                report("A schema document may contain only type system definitions.", definition.loc)
            case .schema(let node):
                if schemaDefinition == nil { schemaDefinition = node } else {
                    report("Must provide only one schema definition.", node.loc)
                }
            case .schemaExtension(let node):
                schemaExtensions.append(node)
            case .type(let node):
                if let first = typeNames[node.name.value] {
                    report("There can be only one type named \"\(node.name.value)\".", first.loc, node.name.loc)
                } else {
                    typeNames[node.name.value] = node.name
                    definitions.append(node)
                }
            case .typeExtension(let node):
                extensions[node.name.value, default: []].append(node)
            case .directive(let node):
                if let first = directiveNames[node.name.value] {
                    report("There can be only one directive named \"@\(node.name.value)\".", first.loc, node.name.loc)
                } else {
                    directiveNames[node.name.value] = node.name
                    directiveNodes.append(node)
                }
            }
        }
    }

    /// Spec 3.3 root operation types, from the schema definition and its extensions, or by the
    /// default names (graphql-js UniqueOperationTypes for duplicates).
    private mutating func rootTypes() -> [OperationType: ObjectType] {
        var roots: [OperationType: ObjectType] = [:]
        var seen: [OperationType: OperationTypeDefinitionNode] = [:]
        let declared = ([schemaDefinition].compactMap { $0 } + schemaExtensions).flatMap(\.operationTypes)
        for node in declared {
            if let first = seen[node.operation] {
                report("There can be only one \(node.operation.rawValue) type in schema.", first.loc, node.loc)
                continue
            }
            seen[node.operation] = node
            let name = node.type.name.value
            guard let type = types[name] else {
                reportUnknownType(node.type)
                continue
            }
            guard case .object(let object) = type else {
                report(rootTypeMessage(node.operation, name), node.type.loc)
                continue
            }
            roots[node.operation] = object
        }
        guard schemaDefinition == nil else { return roots }
        for operation in OperationType.allCases where roots[operation] == nil {
            let name = operation.rawValue.prefix(1).uppercased() + operation.rawValue.dropFirst()
            guard let definition = definitions.first(where: { $0.name.value == name }) else { continue }
            switch types[name] {
            case .object(let object): roots[operation] = object
            default: report(rootTypeMessage(operation, name), definition.name.loc)
            }
        }
        return roots
    }
}

/// graphql-js validateRootTypes: "Query root type must be Object type, it cannot be X."
func rootTypeMessage(_ operation: OperationType, _ typeName: String) -> String {
    let subject = operation.rawValue.prefix(1).uppercased() + operation.rawValue.dropFirst()
    return "\(subject) root type must be Object type\(operation == .query ? "" : " if provided"), it cannot be \(typeName)."
}
