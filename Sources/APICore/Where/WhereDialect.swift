import CRMStore
import GraphQLEngine

/// A field named in a where, as the translation needs it.
public struct WhereField: Sendable {
    /// The store's field name (`objectId` for the GraphQL `id`).
    public var name: String
    public var type: FieldType
    /// Pointer targets (empty for other types).
    public var targetClasses: [String]
    /// The GraphQL `id` key: operands are global ids of this class (or raw objectIds).
    public var globalIdClass: String?

    public init(name: String, type: FieldType, targetClasses: [String] = [], globalIdClass: String? = nil) {
        self.name = name
        self.type = type
        self.targetClasses = targetClasses
        self.globalIdClass = globalIdClass
    }

    /// A declared field of a class, or one of the system fields `objectId`, `createdAt`,
    /// `updatedAt`, `ACL`; nil for any other name.
    public init?(named name: String, in definition: ClassDefinition) {
        if let type = ClassDefinition.systemFieldTypes[name] {
            self.init(name: name, type: type)
        } else if let field = definition.field(name) {
            self.init(name: name, type: field.type, targetClasses: field.targetClasses)
        } else {
            return nil
        }
    }
}

/// The names a dialect gives operators and connectives: the GraphQL API's or the Parse REST API's
/// (``WhereOperator/graphQLName``, ``WhereOperator/parseName``).
public enum WhereNaming: Sendable {
    case graphQL
    case parse
}

/// What differs between the where of the GraphQL API and the where of the Parse REST API; the
/// operators themselves come from ``WhereOperator``'s one table, and ``WhereTranslation`` does
/// the rest once for both.
public protocol WhereDialect: Sendable {
    /// Whose names the operators and connectives have.
    var naming: WhereNaming { get }
    /// The clauses a connective's value holds.
    func items(_ value: GraphQLValue, of connective: WhereConnective) throws(ParseError) -> [GraphQLValue]
    /// The field a key names on a class.
    func field(_ key: String, in definition: ClassDefinition) throws(ParseError) -> WhereField
    /// A comparison operand for a field.
    func operand(_ value: GraphQLValue, for field: WhereField) throws(ParseError) -> FieldValue
    /// Whether a field's value is compared by equality, without an operator.
    func isBareValue(_ value: GraphQLValue) -> Bool
    /// The class a `have`/`haveNot` operand names (nil: the pointer's own target) and its filter.
    func subquery(_ operand: GraphQLValue) throws(ParseError) -> (className: String?, filter: GraphQLValue)
    /// A dialect's own operator that filters a polymorphic pointer by one target class (GraphQL's
    /// `haveContact`): that class's name, if `name` is one.
    func classFilter(_ name: String, on field: WhereField) -> String?
    /// The class a subquery of `inQueryKey` names.
    func className(_ name: String) throws(ParseError) -> String
}

extension WhereDialect {
    public func classFilter(_ name: String, on field: WhereField) -> String? { nil }
    public func className(_ name: String) throws(ParseError) -> String { name }

    /// The operator a key names, if any.
    func whereOperator(named name: String) -> WhereOperator? {
        switch naming {
        case .graphQL: WhereOperator.byGraphQLName[name]
        case .parse: WhereOperator.byParseName[name]
        }
    }

    /// An operator's key in this dialect.
    func name(of op: WhereOperator) -> String {
        naming == .graphQL ? op.graphQLName : op.parseName
    }

    /// The connective a key names, if any.
    func connective(named name: String) -> WhereConnective? {
        switch naming {
        case .graphQL: WhereConnective.byGraphQLName[name]
        case .parse: WhereConnective.byParseName[name]
        }
    }

    /// The name of a key inside a text-search operand (`search`/`$search`, `term`/`$term`, ...).
    func textKey(_ name: String) -> String {
        naming == .parse ? "$" + name : name
    }
}
