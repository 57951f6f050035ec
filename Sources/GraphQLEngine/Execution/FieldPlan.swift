/// The fields one object type selects at one place of an operation, merged by response key
/// (spec 6.3.2 CollectFields), in response order.
public final class SelectionPlan: Sendable {
    /// The object type the fields are selected on.
    public let type: ObjectType
    /// The fields in the order their keys appear in the response.
    public let fields: [FieldPlan]

    init(type: ObjectType, fields: [FieldPlan]) {
        self.type = type
        self.fields = fields
    }

    /// The field planned under `responseKey`.
    public func field(forKey responseKey: String) -> FieldPlan? {
        fields.first { $0.responseKey == responseKey }
    }
}

/// One response key of a selection, after fields with the same key were merged: what to resolve,
/// with which arguments, how to complete the value, and what to select below it.
public final class FieldPlan: Sendable {
    /// The alias or field name.
    public let responseKey: String
    /// The field definition (for `__typename`, a definition of type `String!`).
    public let definition: FieldDefinition
    /// The object type this field is selected on.
    public let parentType: ObjectType
    /// The field nodes merged under this key, in document order.
    public let nodes: [FieldNode]
    /// What is selected below this field, per object type; nil for leaf fields.
    public let children: ChildPlan?

    /// `,"key":` as JSON, ready to copy into the response (the first field of an object leaves
    /// out the comma).
    let keyBytes: JSONBytes
    let source: FieldSource
    let arguments: ArgumentPlan
    let leaf: LeafKind?
    /// The writer's fast path for the leaf's values; `.coerced` for non-leaf fields.
    let leafWrite: LeafWrite
    /// For leaf fields typed `T` or `T!` (no lists): whether `T!`; the writer's fast path.
    let plainLeafIsNonNull: Bool?

    init(
        responseKey: String,
        definition: FieldDefinition,
        parentType: ObjectType,
        nodes: [FieldNode],
        children: ChildPlan?,
        source: FieldSource,
        arguments: ArgumentPlan
    ) {
        self.responseKey = responseKey
        self.definition = definition
        self.parentType = parentType
        self.nodes = nodes
        self.children = children
        self.source = source
        self.arguments = arguments
        self.leaf = LeafKind(definition.type.namedType)
        self.leafWrite = leaf.map(LeafWrite.init) ?? .coerced
        switch definition.type {
        case .named where leaf != nil: plainLeafIsNonNull = false
        case .nonNull(.named) where leaf != nil: plainLeafIsNonNull = true
        default: plainLeafIsNonNull = nil
        }
        var key = ResponseWriter(capacity: responseKey.utf8.count + 4)
        key.writeByte(UInt8(ascii: ","))
        key.writeString(responseKey)
        key.writeByte(UInt8(ascii: ":"))
        self.keyBytes = JSONBytes(key.finish())
    }

    /// The field's output type.
    public var type: TypeReference { definition.type }

    /// The coerced arguments for a request with these variables (spec 6.4.1).
    func argumentValues(variables: [String: GraphQLValue], source: Source) -> Result<Record, GraphQLError> {
        switch arguments {
        case .constant(let record):
            return .success(record)
        case .invalid(let error):
            return .failure(error)
        case .perRequest:
            return coerceArgumentValues(definitions: definition.arguments, arguments: nodes[0].arguments,
                                        node: nodes[0].loc, variables: variables, source: source)
        }
    }

    /// The fields selected below this one on objects of `type`; empty for leaf fields and for
    /// types the field cannot return.
    public func selection(on type: ObjectType) -> [FieldPlan] {
        children?.plan(for: type)?.fields ?? []
    }
}

/// What a composite field selects: one plan for an object type, or one per possible type of an
/// interface or union.
public enum ChildPlan: Sendable {
    case object(SelectionPlan)
    case abstract(AbstractSelection)

    /// The selection for objects of `type`.
    public func plan(for type: ObjectType) -> SelectionPlan? {
        switch self {
        case .object(let plan): return plan.type === type ? plan : nil
        case .abstract(let abstract): return abstract.plan(for: type)
        }
    }
}

/// The selections of an abstract field, one per possible object type.
public final class AbstractSelection: Sendable {
    /// The interface or union.
    public let type: NamedType
    /// One plan per possible type, in the schema's order.
    public let plans: [SelectionPlan]
    private let byType: [ObjectIdentifier: Int]

    init(type: NamedType, plans: [SelectionPlan]) {
        self.type = type
        self.plans = plans
        var byType: [ObjectIdentifier: Int] = [:]
        for (index, plan) in plans.enumerated() { byType[ObjectIdentifier(plan.type)] = index }
        self.byType = byType
    }

    /// The selection for objects of `type`; nil when `type` is not a possible type.
    public func plan(for type: ObjectType) -> SelectionPlan? {
        byType[ObjectIdentifier(type)].map { plans[$0] }
    }
}

/// Where a field's value comes from.
enum FieldSource: Sendable {
    /// `__typename`: the parent type's name, written from these prepared JSON bytes.
    case typename(JSONBytes)
    /// The field of the parent record with this name (graphql-js's default resolver).
    case property(String)
    /// A resolver.
    case resolver(FieldResolver.Body)
}

/// The arguments of a field: coerced once while planning when they hold no variables.
enum ArgumentPlan: Sendable {
    case constant(Record)
    case invalid(GraphQLError)
    /// Coerced per request because they refer to variables.
    case perRequest
}

/// The built-in scalar whose values of the right form the writer copies without calling
/// `serialize`; `.coerced` for every other leaf type.
enum LeafWrite: UInt8 {
    case string
    case int
    case float
    case boolean
    case coerced

    init(_ leaf: LeafKind) {
        switch leaf {
        case .builtIn(.string, _), .builtIn(.id, _): self = .string
        case .builtIn(.int, _): self = .int
        case .builtIn(.float, _): self = .float
        case .builtIn(.boolean, _): self = .boolean
        case .custom, .enum: self = .coerced
        }
    }
}

/// How a leaf value is written: built-in scalars have fast paths, others go through their
/// `serialize` function.
enum LeafKind: Sendable {
    case builtIn(BuiltInScalar, ScalarType)
    case custom(ScalarType)
    case `enum`(EnumType)

    init?(_ type: NamedType) {
        switch type {
        case .scalar(let scalar):
            self = scalar.builtIn.map { .builtIn($0, scalar) } ?? .custom(scalar)
        case .enum(let enumType):
            self = .enum(enumType)
        default:
            return nil
        }
    }
}
