/// A named type of the type system (spec 3.4): one case per kind, each holding its definition.
///
/// An enum of final classes lets the validator and executor switch over kinds exhaustively without
/// dynamic casts; two named types are equal when they are the same definition.
public enum NamedType: Sendable {
    case scalar(ScalarType)
    case object(ObjectType)
    case interface(InterfaceType)
    case union(UnionType)
    case `enum`(EnumType)
    case inputObject(InputObjectType)

    /// The type's name.
    public var name: String {
        switch self {
        case .scalar(let t): return t.name
        case .object(let t): return t.name
        case .interface(let t): return t.name
        case .union(let t): return t.name
        case .enum(let t): return t.name
        case .inputObject(let t): return t.name
        }
    }

    /// The type's description.
    public var description: String? {
        switch self {
        case .scalar(let t): return t.description
        case .object(let t): return t.description
        case .interface(let t): return t.description
        case .union(let t): return t.description
        case .enum(let t): return t.description
        case .inputObject(let t): return t.description
        }
    }

    /// Scalars, enums and input objects may be used as input (spec 3.4.2 IsInputType).
    public var isInputType: Bool {
        switch self {
        case .scalar, .enum, .inputObject: return true
        case .object, .interface, .union: return false
        }
    }

    /// Scalars, objects, interfaces, unions and enums may be used as output (spec IsOutputType).
    public var isOutputType: Bool {
        if case .inputObject = self { return false }
        return true
    }

    /// Scalars and enums.
    public var isLeaf: Bool {
        switch self {
        case .scalar, .enum: return true
        default: return false
        }
    }

    /// Objects, interfaces and unions: types with selection sets.
    public var isComposite: Bool {
        switch self {
        case .object, .interface, .union: return true
        default: return false
        }
    }

    /// Interfaces and unions.
    public var isAbstract: Bool {
        switch self {
        case .interface, .union: return true
        default: return false
        }
    }

    /// The fields of an object or interface; nil for other kinds.
    public var fields: [FieldDefinition]? {
        switch self {
        case .object(let t): return t.fields
        case .interface(let t): return t.fields
        default: return nil
        }
    }

    /// The field `name` of an object or interface.
    public func field(named name: String) -> FieldDefinition? {
        switch self {
        case .object(let t): return t.field(named: name)
        case .interface(let t): return t.field(named: name)
        default: return nil
        }
    }

    /// The directives applied in SDL by the type's definition and then its extensions.
    public var appliedDirectives: [DirectiveNode] {
        switch self {
        case .scalar(let t): return t.appliedDirectives
        case .object(let t): return t.appliedDirectives
        case .interface(let t): return t.appliedDirectives
        case .union(let t): return t.appliedDirectives
        case .enum(let t): return t.appliedDirectives
        case .inputObject(let t): return t.appliedDirectives
        }
    }

    /// The definition as an object, for identity comparisons.
    var definition: AnyObject {
        switch self {
        case .scalar(let t): return t
        case .object(let t): return t
        case .interface(let t): return t
        case .union(let t): return t
        case .enum(let t): return t
        case .inputObject(let t): return t
        }
    }
}

extension NamedType: Hashable {
    /// The same definition (identity, not name).
    public static func == (lhs: NamedType, rhs: NamedType) -> Bool {
        lhs.definition === rhs.definition
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(definition))
    }
}

