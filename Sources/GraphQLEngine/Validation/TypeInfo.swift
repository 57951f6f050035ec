// The schema questions the walk asks about each node, graphql-js's TypeInfo and type
// comparators (spec 5.3.1 "Field Selections", 5.5.2.3 "Fragment spread is possible",
// 5.8.5 "All Variable Usages Are Allowed").

extension GraphQLType {
    /// The named type inside any list and non-null wrappers.
    var named: GraphQLNamedType {
        switch self {
        case .named(let type): type
        case .list(let inner), .nonNull(let inner): inner.named
        }
    }

    /// The type without an outer non-null wrapper.
    var nullable: GraphQLType {
        if case .nonNull(let inner) = self { return inner }
        return self
    }

    var isNonNull: Bool {
        if case .nonNull = self { return true }
        return false
    }

    /// The type in SDL notation, e.g. `[String!]!` (graphql-js `inspect(type)`).
    var notation: String {
        switch self {
        case .named(let type): type.name
        case .list(let inner): "[\(inner.notation)]"
        case .nonNull(let inner): "\(inner.notation)!"
        }
    }
}

extension GraphQLNamedType {
    /// Spec: IsCompositeType: objects, interfaces and unions.
    var isComposite: Bool {
        switch self {
        case .object, .interface, .union: true
        default: false
        }
    }

    /// Spec: IsLeafType: scalars and enums.
    var isLeaf: Bool {
        switch self {
        case .scalar, .enumType: true
        default: false
        }
    }

    /// Spec: IsInputType: scalars, enums and input objects.
    var isInput: Bool {
        switch self {
        case .scalar, .enumType, .inputObject: true
        default: false
        }
    }

    /// Spec: IsOutputType: everything but input objects.
    var isOutput: Bool {
        if case .inputObject = self { return false }
        return true
    }

    var isAbstract: Bool {
        switch self {
        case .interface, .union: true
        default: false
        }
    }

    /// Whether both sides name the same type.
    func isSame(as other: GraphQLNamedType) -> Bool { name == other.name }
}

extension GraphQLSchema {
    /// The root type of an operation kind, if the schema has one.
    func rootType(for operation: OperationType) -> GraphQLObjectType? {
        switch operation {
        case .query: queryType
        case .mutation: mutationType
        case .subscription: subscriptionType
        }
    }

    /// The schema type a type reference of the document denotes (graphql-js `typeFromAST`).
    func type(from node: TypeNode) -> GraphQLType? {
        switch node {
        case .named(let named): type(named: named.name.value).map(GraphQLType.named)
        case .list(let inner, _): type(from: inner).map(GraphQLType.list)
        case .nonNull(let inner, _): type(from: inner).map(GraphQLType.nonNull)
        }
    }

    /// The field `name` of a composite type, including the introspection fields `__typename`
    /// (everywhere) and `__schema` and `__type` (on the query root).
    func fieldDefinition(named name: String, on parent: GraphQLNamedType) -> GraphQLField? {
        switch parent {
        case .object(let object): return object.field(named: name) ?? metaField(named: name, on: parent)
        case .interface(let interface): return interface.field(named: name) ?? metaField(named: name, on: parent)
        case .union: return metaField(named: name, on: parent)
        default: return nil
        }
    }

    private func metaField(named name: String, on parent: GraphQLNamedType) -> GraphQLField? {
        nil
    }

    /// Whether `possible` is an object type that `abstract` may resolve to, or an interface that
    /// implements the interface `abstract`.
    func isSubType(_ abstract: GraphQLNamedType, _ possible: GraphQLNamedType) -> Bool {
        switch (abstract, possible) {
        case (.union(let union), .object(let object)):
            return union.types.contains { $0.name == object.name }
        case (.interface(let interface), .object(let object)):
            return object.interfaces.contains { $0.name == interface.name }
        case (.interface(let interface), .interface(let sub)):
            return sub.interfaces.contains { $0.name == interface.name }
        default:
            return false
        }
    }

    /// Whether some object type could be of both types (graphql-js `doTypesOverlap`).
    func typesOverlap(_ a: GraphQLNamedType, _ b: GraphQLNamedType) -> Bool {
        if a.isSame(as: b) { return true }
        if a.isAbstract {
            if b.isAbstract {
                let possibleA = possibleTypes(of: a)
                return possibleTypes(of: b).contains { object in possibleA.contains { $0.name == object.name } }
            }
            return isSubType(a, b)
        }
        if b.isAbstract { return isSubType(b, a) }
        return false
    }

    /// Whether a value of type `sub` may be used where `expected` is required (graphql-js
    /// `isTypeSubTypeOf`).
    func isTypeSubType(_ sub: GraphQLType, of expected: GraphQLType) -> Bool {
        switch (sub, expected) {
        case (.nonNull(let subInner), .nonNull(let expectedInner)):
            return isTypeSubType(subInner, of: expectedInner)
        case (.nonNull(let subInner), _):
            return isTypeSubType(subInner, of: expected)
        case (_, .nonNull):
            return false
        case (.list(let subItem), .list(let expectedItem)):
            return isTypeSubType(subItem, of: expectedItem)
        case (.list, _), (_, .list):
            return false
        case (.named(let subNamed), .named(let expectedNamed)):
            return subNamed.isSame(as: expectedNamed) || (expectedNamed.isAbstract && isSubType(expectedNamed, subNamed))
        }
    }
}
