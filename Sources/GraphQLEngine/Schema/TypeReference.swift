/// A type as written in a field, argument or variable definition: a named type wrapped in any
/// number of list and non-null wrappers (spec 3.4.3 "Type References" and 3.11, 3.12).
public indirect enum TypeReference: Sendable, Hashable {
    case named(NamedType)
    case list(TypeReference)
    case nonNull(TypeReference)

    /// The named type under all wrappers.
    public var namedType: NamedType {
        switch self {
        case .named(let t): return t
        case .list(let t), .nonNull(let t): return t.namedType
        }
    }

    /// True for a `T!` type.
    public var isNonNull: Bool {
        if case .nonNull = self { return true }
        return false
    }

    /// The type without its outer non-null wrapper.
    public var nullable: TypeReference {
        if case .nonNull(let t) = self { return t }
        return self
    }

    /// True when the input-type test of the named type holds.
    public var isInputType: Bool { namedType.isInputType }

    /// True when the output-type test of the named type holds.
    public var isOutputType: Bool { namedType.isOutputType }

    /// A scalar type reference.
    public static func scalar(_ t: ScalarType) -> TypeReference { .named(.scalar(t)) }
    /// An object type reference.
    public static func object(_ t: ObjectType) -> TypeReference { .named(.object(t)) }
    /// An interface type reference.
    public static func interface(_ t: InterfaceType) -> TypeReference { .named(.interface(t)) }
    /// A union type reference.
    public static func union(_ t: UnionType) -> TypeReference { .named(.union(t)) }
    /// An enum type reference.
    public static func `enum`(_ t: EnumType) -> TypeReference { .named(.enum(t)) }
    /// An input object type reference.
    public static func inputObject(_ t: InputObjectType) -> TypeReference { .named(.inputObject(t)) }
}

extension TypeReference: CustomStringConvertible {
    /// The type in GraphQL syntax: `[Deal!]!`.
    public var description: String {
        switch self {
        case .named(let t): return t.name
        case .list(let t): return "[\(t)]"
        case .nonNull(let t): return "\(t)!"
        }
    }
}

extension TypeReference {
    /// Spec 5.8.5 / graphql-js `isTypeSubTypeOf`: may a value of type `self` be used where
    /// `superType` is expected?
    public func isSubType(of superType: TypeReference, in schema: GraphQLSchema) -> Bool {
        switch (self, superType) {
        case (_, _) where self == superType:
            return true
        case (.nonNull(let sub), .nonNull(let sup)):
            return sub.isSubType(of: sup, in: schema)
        case (.nonNull(let sub), _):
            return sub.isSubType(of: superType, in: schema)
        case (_, .nonNull):
            return false
        case (.list(let sub), .list(let sup)):
            return sub.isSubType(of: sup, in: schema)
        case (.list, _), (_, .list):
            return false
        case (.named(let sub), .named(let sup)):
            return sup.isAbstract && schema.isSubType(sup, sub)
        }
    }
}
