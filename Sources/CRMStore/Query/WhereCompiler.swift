/// Compiles a ``WhereClause`` on one class into a SQL condition with bind parameters.
///
/// Each field name is resolved against the class model (unknown: 102, protected: 119), each value is
/// type-checked against the field (111) and bound, never spliced. `have`/`haveNot` and
/// `inQueryKey`/`notInQueryKey` become sub-selects under the caller's CLP and ACL
/// (AccessControl), so objects the caller cannot read never match or contribute.
struct WhereCompiler {
    static let maximumDepth = 8
    static let maximumConstraints = 512
    static let maximumListLength = 10_000

    let model: ClassModel
    let context: AccessContext
    let protectedDefaults: [String: [String: [String]]]
    var parameters = SQLParameters()
    private var constraintCount = 0
    private var aliasCounter = 0
    /// Bound regex patterns, checked once per statement (see ``condition(for:on:alias:)``).
    private var regexParameters: [String] = []

    init(model: ClassModel, context: AccessContext, protectedDefaults: [String: [String: [String]]],
         parameters: SQLParameters = SQLParameters()) {
        self.model = model
        self.context = context
        self.protectedDefaults = protectedDefaults
        self.parameters = parameters
    }

    /// A fresh alias for the rows of a sub-select one level below `depth`.
    mutating func nextAlias(depth: Int) -> String {
        aliasCounter += 1
        return "s\(depth + 1)_\(aliasCounter)"
    }

    func protectedFields(of definition: ClassDefinition) -> ProtectedFields {
        ProtectedFields(definition: definition, context: context, defaults: protectedDefaults)
    }

    /// The complete filter of a statement: the compiled clause, plus a pseudo-constant check per
    /// regex. PostgreSQL evaluates such checks once before scanning, so an invalid pattern always
    /// fails (mapped to 102), even on an empty table or inside an OR branch.
    mutating func condition(for clause: WhereClause?, on definition: ClassDefinition, alias: String) throws(StoreError) -> String {
        guard let clause else { return "TRUE" }
        let body = try compile(clause, on: definition, alias: alias)
        let checks = regexParameters.map { "(''::text ~ \($0)) IS NOT NULL" }
        regexParameters = []
        return ([body] + checks).joined(separator: " AND ")
    }

    /// The condition for `clause` on rows of `definition` named `alias`.
    mutating func compile(_ clause: WhereClause, on definition: ClassDefinition, alias: String,
                          depth: Int = 0) throws(StoreError) -> String {
        guard depth <= Self.maximumDepth else { throw StoreError.invalidQuery("Query is nested too deeply.") }
        switch clause {
        case .and(let clauses):
            return try combine(clauses, with: "AND", empty: "TRUE", on: definition, alias: alias, depth: depth)
        case .or(let clauses):
            return try combine(clauses, with: "OR", empty: "FALSE", on: definition, alias: alias, depth: depth)
        case .nor(let clauses):
            let any = try combine(clauses, with: "OR", empty: "FALSE", on: definition, alias: alias, depth: depth)
            return "NOT COALESCE(\(any), FALSE)"
        case .field(let name, let constraints):
            let field = try ResolvedField.queryable(name, in: definition, protected: protectedFields(of: definition))
            guard !constraints.isEmpty else { return "TRUE" }
            var parts: [String] = []
            for constraint in constraints {
                constraintCount += 1
                guard constraintCount <= Self.maximumConstraints else {
                    throw StoreError.invalidQuery("Query has too many constraints.")
                }
                parts.append(try compile(constraint, field: field, alias: alias, depth: depth))
            }
            return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " AND ") + ")"
        }
    }

    private mutating func combine(_ clauses: [WhereClause], with connective: String, empty: String,
                                  on definition: ClassDefinition, alias: String, depth: Int) throws(StoreError) -> String {
        guard !clauses.isEmpty else { return empty }
        var parts: [String] = []
        for clause in clauses { parts.append(try compile(clause, on: definition, alias: alias, depth: depth + 1)) }
        return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " \(connective) ") + ")"
    }

    private mutating func compile(_ constraint: FieldConstraint, field: ResolvedField, alias: String,
                                  depth: Int) throws(StoreError) -> String {
        let column = SQL.column(alias, field.column)
        switch constraint {
        case .equalTo(let value): return try equality(value, field: field, alias: alias)
        case .notEqualTo(let value):
            return "(\(column) IS NULL OR NOT \(try equality(value, field: field, alias: alias)))"
        case .lessThan(let value): return try ordering("<", value, field: field, column: column)
        case .lessThanOrEqualTo(let value): return try ordering("<=", value, field: field, column: column)
        case .greaterThan(let value): return try ordering(">", value, field: field, column: column)
        case .greaterThanOrEqualTo(let value): return try ordering(">=", value, field: field, column: column)
        case .in(let values): return try membership(values, field: field, alias: alias)
        case .notIn(let values):
            return "(\(column) IS NULL OR NOT \(try membership(values, field: field, alias: alias)))"
        case .exists(let present): return "(\(column) IS \(present ? "NOT " : "")NULL)"
        case .matchesRegex(let pattern, let options):
            guard field.type == .string else { throw unsupported("matchesRegex", field) }
            let bound = parameters.bind(.text(try RegexOptions.pattern(pattern, options: options)))
            regexParameters.append(bound)
            return "(\(column) ~ \(bound))"
        case .text(let search): return try textSearch(search, field: field, column: column)
        case .have(let clause, let target):
            return try subquery(clause, target: target, field: field, alias: alias, depth: depth, negated: false)
        case .haveNot(let clause, let target):
            return try subquery(clause, target: target, field: field, alias: alias, depth: depth, negated: true)
        case .inQueryKey(let query):
            return try keyQuery(query, field: field, alias: alias, depth: depth, negated: false)
        case .notInQueryKey(let query):
            return try keyQuery(query, field: field, alias: alias, depth: depth, negated: true)
        case .containsAll(let json):
            guard field.type == .array else { throw unsupported("contains", field) }
            let operand = try jsonArray(json, for: field)
            return "(\(column) @> \(operand) AND jsonb_array_length(\(operand)) > 0)"
        case .containedBy(let json):
            guard field.type == .array else { throw unsupported("containedBy", field) }
            return "(\(column) <@ \(try jsonArray(json, for: field)))"
        }
    }

    private mutating func equality(_ value: FieldValue, field: ResolvedField, alias: String) throws(StoreError) -> String {
        let column = SQL.column(alias, field.column)
        if case .pointer(let className, let objectId) = value, let classColumn = field.definition?.classColumn {
            try checkPointerClass(className, field: field)
            let id = parameters.bind(.text(objectId)), cls = parameters.bind(.text(className))
            return "(\(column) = \(id) AND \(SQL.column(alias, classColumn)) = \(cls))"
        }
        return "(\(column) = \(try bind(value, for: field)))"
    }

    private mutating func ordering(_ op: String, _ value: FieldValue, field: ResolvedField,
                                   column: String) throws(StoreError) -> String {
        guard [.string, .number, .date].contains(field.type) else { throw unsupported("comparison", field) }
        return "(\(column) \(op) \(try bind(value, for: field)))"
    }

    private mutating func membership(_ values: [FieldValue], field: ResolvedField, alias: String) throws(StoreError) -> String {
        guard values.count <= Self.maximumListLength else { throw StoreError.invalidQuery("List too long.") }
        let column = SQL.column(alias, field.column)
        if let classColumn = field.definition?.classColumn {
            var ids: [String] = [], pairIds: [String] = [], pairClasses: [String] = []
            for value in values {
                switch value {
                case .string(let id): ids.append(id)
                case .pointer(let className, let id):
                    try checkPointerClass(className, field: field)
                    pairIds.append(id)
                    pairClasses.append(className)
                default: throw mismatch(field)
                }
            }
            let idList = parameters.bind(texts: ids)
            let pairs = "(\(column), \(SQL.column(alias, classColumn))) IN (SELECT * FROM unnest(\(parameters.bind(texts: pairIds)), \(parameters.bind(texts: pairClasses))))"
            return "(\(column) = ANY(\(idList)) OR \(pairs))"
        }
        var texts: [String] = []
        for value in values { texts.append(try listElement(value, for: field)) }
        let cast = switch field.type {
        case .number: "::double precision[]"
        case .boolean: "::boolean[]"
        case .date: "::timestamp with time zone[]"
        case .object, .array: "::jsonb[]"
        case .string, .pointer: ""
        }
        return "(\(column) = ANY(\(parameters.bind(texts: texts))\(cast)))"
    }

    private mutating func textSearch(_ search: TextSearch, field: ResolvedField, column: String) throws(StoreError) -> String {
        guard field.type == .string else { throw unsupported("text", field) }
        if search.caseSensitive == true {
            throw StoreError.invalidQuery("text search: caseSensitive is not supported; use matchesRegex.")
        }
        if search.diacriticSensitive == false {
            throw StoreError.invalidQuery("text search: diacriticSensitive false is not supported.")
        }
        let language = search.language ?? "english"
        guard TextSearchLanguage.configurations.contains(language) else {
            throw StoreError.invalidQuery("text search: unsupported language \(StoreError.quoted(language)).")
        }
        let config = parameters.bind(.text(language)) + "::regconfig"
        let term = parameters.bind(.text(try ValueValidation.text(search.term, field: field.name)))
        return "(to_tsvector(\(config), COALESCE(\(column), '')) @@ websearch_to_tsquery(\(config), \(term)))"
    }

    private mutating func subquery(_ clause: WhereClause, target: String?, field: ResolvedField, alias: String,
                                   depth: Int, negated: Bool) throws(StoreError) -> String {
        guard let declared = field.definition, declared.type == .pointer else { throw unsupported("have", field) }
        let targetName: String
        if let target {
            guard declared.targetClasses.contains(target) else { throw mismatch(field) }
            targetName = target
        } else {
            guard declared.targetClasses.count == 1 else {
                throw StoreError.invalidQuery("\(declared.name) points to several classes: name the target class.")
            }
            targetName = declared.targetClasses[0]
        }
        let targetDefinition = try model.require(targetName)
        let access = try AccessControl.authorize(.find, on: targetDefinition, context: context)
        let inner = nextAlias(depth: depth)
        let acl = access.condition(alias: inner, parameters: &parameters)
        let filter = try compile(clause, on: targetDefinition, alias: inner, depth: depth + 1)
        let column = SQL.column(alias, field.column)
        let select = "SELECT \(inner).\"objectId\" FROM \(SQL.identifier(targetName)) \(inner) WHERE \(acl) AND \(filter)"
        var classMatch = ""
        if let classColumn = declared.classColumn {
            classMatch = "\(SQL.column(alias, classColumn)) = \(parameters.bind(.text(targetName))) AND "
        }
        if negated { return "(\(column) IS NULL OR NOT (\(classMatch)\(column) IN (\(select))))" }
        return "(\(classMatch)\(column) IN (\(select)))"
    }
}
