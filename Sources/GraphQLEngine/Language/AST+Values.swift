// Input values and type references (spec 2.9 "Input Values" and 2.11 "Type References").

/// Spec: Value[Const] : [~Const] Variable | IntValue | FloatValue | StringValue | BooleanValue
/// | NullValue | EnumValue | ListValue[?Const] | ObjectValue[?Const]
public enum ValueNode: Sendable, Hashable {
    case variable(VariableNode)
    /// The literal as written, e.g. `-12`.
    case int(String, Location)
    /// The literal as written, e.g. `1.5e3`.
    case float(String, Location)
    case string(StringValueNode)
    case boolean(Bool, Location)
    case null(Location)
    /// An enum value name such as `MOBILE`.
    case enumValue(String, Location)
    case list([ValueNode], Location)
    case object([ObjectFieldNode], Location)

    /// The range of the value.
    public var loc: Location {
        switch self {
        case .variable(let node): node.loc
        case .string(let node): node.loc
        case .int(_, let loc), .float(_, let loc), .enumValue(_, let loc): loc
        case .boolean(_, let loc): loc
        case .null(let loc): loc
        case .list(_, let loc): loc
        case .object(_, let loc): loc
        }
    }
}

/// Spec: StringValue, also used for descriptions.
public struct StringValueNode: Sendable, Hashable {
    /// The string after escapes and block-string indentation are processed.
    public var value: String
    /// Whether it was written as a `"""` block string.
    public var block: Bool
    public var loc: Location
}

/// Spec: ObjectField[Const] : Name : Value[?Const]
public struct ObjectFieldNode: Sendable, Hashable {
    public var name: NameNode
    public var value: ValueNode
    public var loc: Location
}

/// Spec: Type : NamedType | ListType | NonNullType
///
/// Only the wrapping cases are boxed: a named type, the most common, needs no allocation.
public enum TypeNode: Sendable, Hashable {
    case named(NamedTypeNode)
    /// `[Type]`
    indirect case list(TypeNode, Location)
    /// `Type!`; the wrapped type is never itself non-null when parsed.
    indirect case nonNull(TypeNode, Location)

    /// The range of the type reference.
    public var loc: Location {
        switch self {
        case .named(let node): node.loc
        case .list(_, let loc), .nonNull(_, let loc): loc
        }
    }

    /// The named type at the core of the wrappers.
    public var namedType: NamedTypeNode {
        switch self {
        case .named(let node): node
        case .list(let inner, _), .nonNull(let inner, _): inner.namedType
        }
    }
}

/// Spec: NamedType : Name
public struct NamedTypeNode: Sendable, Hashable {
    public var name: NameNode
    /// The same range as the name.
    public var loc: Location { name.loc }
}
