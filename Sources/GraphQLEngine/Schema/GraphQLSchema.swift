/// A GraphQL schema (spec 3.3): root operation types, every named type reachable from them or
/// given explicitly, and the directives.
///
/// Build phase: types are final classes so that they can refer to each other in cycles. They are
/// created, wired (`define`), given resolvers (`attach`), and then handed to a schema. From the
/// first request on nothing may change: the executor and validator read the model from many tasks
/// at once without locks, which is why the types are `@unchecked Sendable`.
public final class GraphQLSchema: @unchecked Sendable {
    /// The schema description.
    public let description: String?
    /// The root type of queries.
    public let queryType: ObjectType?
    /// The root type of mutations.
    public let mutationType: ObjectType?
    /// The root type of subscriptions.
    public let subscriptionType: ObjectType?
    /// Every named type, in the order graphql-js collects them (given types first, then the roots).
    public let types: [NamedType]
    /// The directives the schema knows, the specified ones included.
    public let directives: [DirectiveDefinition]
    /// The schema definition, for a schema built from SDL with one.
    public let astNode: SDLNode<SchemaDefinitionNode>?
    /// The schema extensions applied to it (`extend schema`).
    public let extensionASTNodes: [SDLNode<SchemaDefinitionNode>]

    private let typeMap: [String: NamedType]
    private let implementationMap: [ObjectIdentifier: Implementations]
    private let subTypeNames: [ObjectIdentifier: Set<String>]

    /// The object and interface types that implement an interface.
    public struct Implementations: Sendable {
        public var objects: [ObjectType] = []
        public var interfaces: [InterfaceType] = []
    }

    /// A schema with the given roots; `types` adds types no root reaches (implementations of an
    /// interface, say). Throws when two different types share a name.
    public init(
        query: ObjectType?,
        mutation: ObjectType? = nil,
        subscription: ObjectType? = nil,
        types: [NamedType] = [],
        directives: [DirectiveDefinition] = DirectiveDefinition.specified,
        description: String? = nil,
        astNode: SDLNode<SchemaDefinitionNode>? = nil,
        extensionASTNodes: [SDLNode<SchemaDefinitionNode>] = []
    ) throws(GraphQLError) {
        self.description = description
        self.astNode = astNode
        self.extensionASTNodes = extensionASTNodes
        self.queryType = query
        self.mutationType = mutation
        self.subscriptionType = subscription
        self.directives = directives

        var collector = TypeCollector(given: types)
        for type in types { collector.collect(type, given: true) }
        for root in [query, mutation, subscription].compactMap({ $0 }) { collector.collect(.object(root)) }
        for directive in directives {
            for argument in directive.arguments { collector.collect(argument.type.namedType) }
        }
        // graphql-js's type map always holds the introspection types (and String and Boolean,
        // which they refer to).
        collector.collect(.object(Introspection.schemaType))
        if let duplicate = collector.duplicate {
            throw GraphQLError("Schema must contain uniquely named types but contains multiple types named \"\(duplicate)\".")
        }
        self.types = collector.ordered
        self.typeMap = collector.byName

        var implementations: [ObjectIdentifier: Implementations] = [:]
        var subTypes: [ObjectIdentifier: Set<String>] = [:]
        for type in collector.ordered {
            switch type {
            case .object(let object):
                for interface in object.interfaces {
                    implementations[ObjectIdentifier(interface), default: Implementations()].objects.append(object)
                    subTypes[ObjectIdentifier(interface), default: []].insert(object.name)
                }
            case .interface(let interface):
                for parent in interface.interfaces {
                    implementations[ObjectIdentifier(parent), default: Implementations()].interfaces.append(interface)
                    subTypes[ObjectIdentifier(parent), default: []].insert(interface.name)
                }
            case .union(let union):
                subTypes[ObjectIdentifier(union)] = Set(union.members.map(\.name))
            default:
                break
            }
        }
        self.implementationMap = implementations
        self.subTypeNames = subTypes
    }

    /// The directives applied in SDL by the schema definition and then its extensions.
    public var appliedDirectives: [DirectiveNode] { SDLNode.directives(astNode, extensionASTNodes) }

    /// The named type `name`.
    public func type(named name: String) -> NamedType? {
        typeMap[name]
    }

    /// The directive `name`.
    public func directive(named name: String) -> DirectiveDefinition? {
        directives.first { $0.name == name }
    }

    /// The root type of an operation type.
    public func rootType(for operation: OperationType) -> ObjectType? {
        switch operation {
        case .query: return queryType
        case .mutation: return mutationType
        case .subscription: return subscriptionType
        }
    }

    /// The object types a value of an abstract type may have at run time (spec GetPossibleTypes):
    /// a union's members, an interface's implementing objects; an object type is its own.
    public func possibleTypes(of type: NamedType) -> [ObjectType] {
        switch type {
        case .union(let union): return union.members
        case .interface(let interface): return implementations(of: interface).objects
        case .object(let object): return [object]
        default: return []
        }
    }

    /// The objects and interfaces that implement `interface`.
    public func implementations(of interface: InterfaceType) -> Implementations {
        implementationMap[ObjectIdentifier(interface)] ?? Implementations()
    }

    /// Whether `maybeSubType` is a member of the union or implements the interface `abstractType`.
    public func isSubType(_ abstractType: NamedType, _ maybeSubType: NamedType) -> Bool {
        subTypeNames[ObjectIdentifier(abstractType.definition)]?.contains(maybeSubType.name) ?? false
    }

    /// Whether an object type is a possible type of `abstractType` (spec DoesFragmentTypeApply).
    public func isPossibleType(_ abstractType: NamedType, _ objectType: ObjectType) -> Bool {
        if case .object(let object) = abstractType { return object === objectType }
        return isSubType(abstractType, .object(objectType))
    }
}

/// graphql-js `collectReferencedTypes`: a depth-first walk that keeps first-seen order. The
/// types given explicitly keep their order: a type they refer to is collected after the first
/// given type that refers to it, unless it is itself given (graphql-js seeds its set with them).
private struct TypeCollector {
    var ordered: [NamedType] = []
    var byName: [String: NamedType] = [:]
    var duplicate: String?
    /// Given types not collected yet.
    private var pending: [String: NamedType] = [:]

    init(given: [NamedType] = []) {
        for type in given {
            if let other = pending[type.name], other != type, duplicate == nil { duplicate = type.name }
            pending[type.name] = type
        }
    }

    mutating func collect(_ type: NamedType, given: Bool = false) {
        if let seen = byName[type.name] ?? (given ? nil : pending[type.name]) {
            if seen != type, duplicate == nil { duplicate = type.name }
            return
        }
        pending[type.name] = nil
        byName[type.name] = type
        ordered.append(type)
        switch type {
        case .scalar, .enum:
            break
        case .object(let object):
            for interface in object.interfaces { collect(.interface(interface)) }
            collectFields(object.fields)
        case .interface(let interface):
            for parent in interface.interfaces { collect(.interface(parent)) }
            collectFields(interface.fields)
        case .union(let union):
            for member in union.members { collect(.object(member)) }
        case .inputObject(let input):
            for field in input.fields { collect(field.type.namedType) }
        }
    }

    private mutating func collectFields(_ fields: [FieldDefinition]) {
        for field in fields {
            collect(field.type.namedType)
            for argument in field.arguments { collect(argument.type.namedType) }
        }
    }
}
