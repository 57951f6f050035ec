/// A typed filter on one class: the where inputs of docs/API.md (Parse's generated `<Class>WhereInput`).
///
/// Field names are client strings; the compiler checks each against the class model before any
/// SQL is built. Values are typed and are always bound as parameters.
public indirect enum WhereClause: Sendable, Hashable {
    /// Constraints on one field, ANDed (`objectId`, `createdAt`, `updatedAt` or a declared field).
    case field(String, [FieldConstraint])
    /// All must match (also how sibling fields of one where input combine).
    case and([WhereClause])
    /// At least one must match.
    case or([WhereClause])
    /// None may match.
    case nor([WhereClause])

    /// Sibling constraints of one where input: `.and` of `.field` entries.
    public static func fields(_ constraints: [String: [FieldConstraint]]) -> WhereClause {
        .and(constraints.keys.sorted().map { .field($0, constraints[$0]!) })
    }
}

/// One operator of a field constraint (docs/API.md / Parse: equalTo, notEqualTo, lessThan, ...).
public enum FieldConstraint: Sendable, Hashable {
    case equalTo(FieldValue)
    /// Also matches objects where the field is unset (Parse's `$ne` on PostgreSQL).
    case notEqualTo(FieldValue)
    case lessThan(FieldValue)
    case lessThanOrEqualTo(FieldValue)
    case greaterThan(FieldValue)
    case greaterThanOrEqualTo(FieldValue)
    /// Matches one of the values; an empty list matches nothing.
    case `in`([FieldValue])
    /// Matches none of the values (unset fields match); an empty list matches everything.
    case notIn([FieldValue])
    /// Field set (true) or unset (false).
    case exists(Bool)
    /// PostgreSQL regular expression with JavaScript-style options `i`, `m`, `s`, `x`.
    case matchesRegex(String, options: String?)
    /// Full-text search.
    case text(TextSearch)
    /// Pointer field: the target matches the sub-filter, under the caller's access rights.
    /// `targetClass` picks the class of a polymorphic pointer (`haveContact`/`haveDeal`); nil for
    /// single-target pointers.
    case have(WhereClause, targetClass: String?)
    /// Pointer field: the target does not match (unset pointers match).
    case haveNot(WhereClause, targetClass: String?)
    /// The value is among the values of the query's key (Parse `$select`), read under the
    /// caller's access to that class: CLP `find`, row ACL and protectedFields (a protected key or
    /// a protected field in its where is 119), so objects the caller cannot read contribute
    /// nothing. The key must have the field's type; a Pointer field takes the `objectId` of one of
    /// its target classes or a Pointer key whose targets are among the field's. Any other pairing
    /// is 102: the query, not a value, is wrong.
    case inQueryKey(KeyQuery)
    /// The value is not among them; unset fields match (Parse `$dontSelect`).
    case notInQueryKey(KeyQuery)
    /// Array field: contains every element of this JSON array (Parse `$all`), by PostgreSQL's
    /// jsonb containment (`@>`: elements compare by type and value, nested arrays and objects by
    /// containment). An empty list matches nothing, as in Parse.
    case containsAll(String)
    /// Array field: every element is in this JSON array (Parse `$containedBy`, jsonb `<@`).
    case containedBy(String)
}

/// `text: {search: {term, language, caseSensitive, diacriticSensitive}}`.
public struct TextSearch: Sendable, Hashable {
    public var term: String
    /// A PostgreSQL text search configuration name (`english`, `french`, `simple`, ...); default english.
    public var language: String?
    /// Not supported on PostgreSQL (as in Parse): `true` is refused with 102.
    public var caseSensitive: Bool?
    /// Not supported on PostgreSQL without unaccent (as in Parse): `false` is refused with 102.
    public var diacriticSensitive: Bool?

    public init(term: String, language: String? = nil, caseSensitive: Bool? = nil, diacriticSensitive: Bool? = nil) {
        self.term = term
        self.language = language
        self.caseSensitive = caseSensitive
        self.diacriticSensitive = diacriticSensitive
    }
}

/// One sort key: `<field>_ASC` / `<field>_DESC`.
public struct SortKey: Sendable, Hashable {
    public var field: String
    public var descending: Bool

    public init(_ field: String, descending: Bool = false) {
        self.field = field
        self.descending = descending
    }

    public static func ascending(_ field: String) -> SortKey { SortKey(field) }
    public static func descending(_ field: String) -> SortKey { SortKey(field, descending: true) }
}
