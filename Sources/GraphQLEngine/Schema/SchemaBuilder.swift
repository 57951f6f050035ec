/// Builds a schema from a type-system document (graphql-js `buildSchema`): every definition and
/// extension of spec section 3, descriptions, `@deprecated`, `@specifiedBy`, `@oneOf` and default
/// values. Without a schema definition the types named `Query`, `Mutation` and `Subscription` are
/// the roots (spec 3.3.1 "Default Root Operation Type Names").
///
/// Fields have no resolvers: they read the parent record's field of the same name until the
/// application attaches resolvers (build phase, see ``GraphQLSchema``). Custom scalars pass values
/// through unchanged. Every element keeps the syntax it was built from (`astNode`,
/// `extensionASTNodes`), so errors can point at it and tools can read the directives it applies
/// (`appliedDirectives`, ``GraphQLSchema/directiveValues(_:in:)``).
///
/// Throws a ``SchemaError`` listing every problem: syntax errors, the SDL rules of graphql-js's
/// `assertValidSDL` (unknown or duplicate names, misplaced directives, extensions of unknown
/// types), invalid default values and, when `validate` is true, the type-system validation of
/// ``validateSchema(_:)``.
public func buildSchema(sdl: String, validate: Bool = true, options: ParseOptions = .schema) throws(SchemaError) -> GraphQLSchema {
    try buildSchema(document: try parseSDL(sdl, options: options), validate: validate)
}

/// Builds a schema from a parsed type-system document; see ``buildSchema(sdl:validate:options:)``.
public func buildSchema(document: DocumentNode, validate: Bool = true) throws(SchemaError) -> GraphQLSchema {
    var builder = SchemaBuilder(source: document.source)
    return try builder.run(document, validate: validate)
}

/// Parses a schema document; a syntax error becomes a ``SchemaError``.
func parseSDL(_ sdl: String, options: ParseOptions) throws(SchemaError) -> DocumentNode {
    do {
        return try parse(Source(sdl, name: "GraphQL SDL"), options: options)
    } catch {
        throw SchemaError([error])
    }
}

extension GraphQLSchema {
    /// A schema built from SDL; see ``buildSchema(sdl:validate:options:)``.
    public convenience init(sdl: String, validate: Bool = true) throws(SchemaError) {
        let built = try buildSchema(sdl: sdl, validate: validate)
        do {
            try self.init(
                query: built.queryType, mutation: built.mutationType, subscription: built.subscriptionType,
                types: built.types, directives: built.directives, description: built.description,
                astNode: built.astNode, extensionASTNodes: built.extensionASTNodes)
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
/// and the problems found so far. Building from scratch extends nothing (as graphql-js's
/// `buildASTSchema` extends an empty schema), so one piece of code serves both entry points.
struct SchemaBuilder {
    let source: Source
    /// The schema being extended, or nil.
    let base: GraphQLSchema?
    /// The problems found so far; lines and columns are resolved together at the end.
    private var problems: [(message: String, positions: [SourcePosition])] = []

    var schemaDefinition: SchemaDefinitionNode?
    var schemaExtensions: [SchemaDefinitionNode] = []
    /// The first definition of each type name, in document order.
    var definitions: [TypeDefinitionNode] = []
    /// Extensions by type name, those of the wrong kind or of unknown types left out.
    var extensions: [String: [TypeDefinitionNode]] = [:]
    var directiveNodes: [DirectiveDefinitionNode] = []

    /// The types by name: the standard ones, then copies of the base schema's, then those of the
    /// document.
    var types: [String: NamedType]
    /// The directives by name: the base schema's (or the specified ones), then the document's.
    var directives: [String: DirectiveDefinition] = [:]

    init(source: Source, extending base: GraphQLSchema? = nil) {
        self.source = source
        self.base = base
        var standard: [String: NamedType] = [:]
        for scalar in ScalarType.builtIns { standard[scalar.name] = .scalar(scalar) }
        for type in Introspection.types { standard[type.name] = type }
        types = standard
    }

    mutating func report(_ message: String, _ locations: Location...) {
        problems.append((message, locations.map { SourcePosition(source: source, offset: $0.start) }))
    }

    /// A node of the document, with its source.
    func sdl<Node: SDLSyntax>(_ node: Node) -> SDLNode<Node> {
        SDLNode(node, in: source)
    }

    /// Definitions then extensions of a type, as one list.
    func nodes(of definition: TypeDefinitionNode) -> [TypeDefinitionNode] {
        [definition] + (extensions[definition.name.value] ?? [])
    }

    /// Builds the schema and, when `validate`, checks it.
    mutating func run(_ document: DocumentNode, validate: Bool) throws(SchemaError) -> GraphQLSchema {
        let schema = build(document)
        guard let schema, problems.isEmpty else { throw SchemaError(SourcePosition.errors(problems)) }
        if validate {
            let problems = validateSchema(schema)
            if !problems.isEmpty { throw SchemaError(problems) }
        }
        return schema
    }

    private mutating func build(_ document: DocumentNode) -> GraphQLSchema? {
        gather(document)
        checkExtensions()
        let madeTypes = makeTypes()
        let madeDirectives = makeDirectives()
        checkAppliedDirectives()
        let roots = rootTypes()
        do {
            return try GraphQLSchema(
                query: roots[.query], mutation: roots[.mutation], subscription: roots[.subscription],
                types: madeTypes, directives: madeDirectives,
                description: schemaDefinition?.description?.value ?? base?.description,
                astNode: schemaDefinition.map(sdl) ?? base?.astNode,
                extensionASTNodes: (base?.extensionASTNodes ?? []) + schemaExtensions.map(sdl))
        } catch {
            problems.append((error.message, []))
            return nil
        }
    }

    /// Sorts the definitions by kind; reports duplicates, among themselves and with the base
    /// schema (graphql-js LoneSchemaDefinition, UniqueTypeNames, UniqueDirectiveNames), and
    /// executable definitions.
    private mutating func gather(_ document: DocumentNode) {
        var typeNames: [String: NameNode] = [:]
        var directiveNames: [String: NameNode] = [:]
        let hasSchema = base.map { $0.astNode != nil || OperationType.allCases.contains(where: $0.hasRoot) } ?? false
        for definition in document.definitions {
            switch definition {
            case .operation, .fragment:
                report("A schema document may contain only type system definitions.", definition.loc)
            case .schema(let node):
                if hasSchema {
                    report("Cannot define a new schema within a schema extension.", node.loc)
                } else if schemaDefinition == nil { schemaDefinition = node } else {
                    report("Must provide only one schema definition.", node.loc)
                }
            case .schemaExtension(let node):
                schemaExtensions.append(node)
            case .type(let node):
                if base?.type(named: node.name.value) != nil {
                    report("Type \"\(node.name.value)\" already exists in the schema. It cannot also be defined in this type definition.", node.name.loc)
                } else if let first = typeNames[node.name.value] {
                    report("There can be only one type named \"\(node.name.value)\".", first.loc, node.name.loc)
                } else {
                    typeNames[node.name.value] = node.name
                    definitions.append(node)
                }
            case .typeExtension(let node):
                extensions[node.name.value, default: []].append(node)
            case .directive(let node):
                if base?.directive(named: node.name.value) != nil {
                    report("Directive \"@\(node.name.value)\" already exists in the schema. It cannot be redefined.", node.name.loc)
                } else if let first = directiveNames[node.name.value] {
                    report("There can be only one directive named \"@\(node.name.value)\".", first.loc, node.name.loc)
                } else {
                    directiveNames[node.name.value] = node.name
                    directiveNodes.append(node)
                }
            }
        }
    }

    /// Spec 3.3 root operation types: the base schema's, then those of the schema definition and
    /// its extensions, or by the default names when building from scratch (graphql-js
    /// UniqueOperationTypes for duplicates).
    private mutating func rootTypes() -> [OperationType: ObjectType] {
        var roots: [OperationType: ObjectType] = [:]
        for operation in OperationType.allCases {
            guard let root = base?.rootType(for: operation), case .object(let copy)? = types[root.name] else { continue }
            roots[operation] = copy
        }
        var seen: [OperationType: OperationTypeDefinitionNode] = [:]
        let declared = ([schemaDefinition].compactMap { $0 } + schemaExtensions).flatMap(\.operationTypes)
        for node in declared {
            if base?.hasRoot(node.operation) == true {
                report("Type for \(node.operation.rawValue) already defined in the schema. It cannot be redefined.", node.loc)
                continue
            }
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
        guard base == nil, schemaDefinition == nil else { return roots }
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

extension GraphQLSchema {
    /// Whether the schema has a root type for `operation`.
    func hasRoot(_ operation: OperationType) -> Bool { rootType(for: operation) != nil }
}

/// graphql-js validateRootTypes: "Query root type must be Object type, it cannot be X."
func rootTypeMessage(_ operation: OperationType, _ typeName: String) -> String {
    let subject = operation.rawValue.prefix(1).uppercased() + operation.rawValue.dropFirst()
    return "\(subject) root type must be Object type\(operation == .query ? "" : " if provided"), it cannot be \(typeName)."
}
