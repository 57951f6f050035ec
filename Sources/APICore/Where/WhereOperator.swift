import CRMStore

/// The operators of a field constraint under their two names: the field of a GraphQL
/// `<Type>WhereInput` and the key of a Parse REST `where`. This is the one table both where
/// translations read (``WhereTranslation``), so an operator exists in both APIs or in neither.
public enum WhereOperator: String, CaseIterable, Sendable {
    case equalTo
    case notEqualTo
    case lessThan
    case lessThanOrEqualTo
    case greaterThan
    case greaterThanOrEqualTo
    case `in`
    case notIn
    case exists
    case matchesRegex
    /// Flags of `matchesRegex` (`i`, `m`, `s`, `x`).
    case options
    /// Full-text search.
    case text
    /// Array field holds every listed element.
    case contains
    /// Every element of an Array field is in the list.
    case containedBy
    /// The value is among the values of a key in the objects another query finds.
    case inQueryKey
    case notInQueryKey
    /// Pointer field: the target matches a filter.
    case have
    case haveNot

    /// The field name in the GraphQL API.
    public var graphQLName: String { rawValue }

    /// The key in the Parse REST API.
    public var parseName: String {
        switch self {
        case .equalTo: "$eq"
        case .notEqualTo: "$ne"
        case .lessThan: "$lt"
        case .lessThanOrEqualTo: "$lte"
        case .greaterThan: "$gt"
        case .greaterThanOrEqualTo: "$gte"
        case .in: "$in"
        case .notIn: "$nin"
        case .exists: "$exists"
        case .matchesRegex: "$regex"
        case .options: "$options"
        case .text: "$text"
        case .contains: "$all"
        case .containedBy: "$containedBy"
        case .inQueryKey: "$select"
        case .notInQueryKey: "$dontSelect"
        case .have: "$inQuery"
        case .haveNot: "$notInQuery"
        }
    }

    static let byGraphQLName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.graphQLName, $0) })
    static let byParseName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.parseName, $0) })
}

/// How the clauses of a where combine, under their two names.
public enum WhereConnective: String, CaseIterable, Sendable {
    case and
    case or
    case nor

    /// `AND`, `OR`, `NOR` in the GraphQL API.
    public var graphQLName: String { rawValue.uppercased() }
    /// `$and`, `$or`, `$nor` in the Parse REST API.
    public var parseName: String { "$" + rawValue }

    func combine(_ clauses: [WhereClause]) -> WhereClause {
        switch self {
        case .and: .and(clauses)
        case .or: .or(clauses)
        case .nor: .nor(clauses)
        }
    }

    static let byGraphQLName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.graphQLName, $0) })
    static let byParseName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.parseName, $0) })
}
