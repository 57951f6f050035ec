import CRMStore
import GraphQLEngine

/// Turns a where, written in a ``WhereDialect`` (GraphQL input or Parse JSON), into the store's
/// ``WhereClause``: sibling fields and operators are ANDed, connectives combine sub-wheres, and
/// every operator comes from ``WhereOperator``. Field names, types and access are checked again
/// by the store when it compiles the clause.
public struct WhereTranslation<Dialect: WhereDialect>: Sendable {
    public let model: ClassModel
    public let dialect: Dialect
    /// Nesting of connectives and subqueries beyond which a where is refused (102) before the
    /// store sees it.
    static var maximumDepth: Int { 16 }

    public init(model: ClassModel, dialect: Dialect) {
        self.model = model
        self.dialect = dialect
    }

    /// The clause of a where on `definition`; nil for an absent or null where.
    public func clause(_ input: GraphQLValue?, on definition: ClassDefinition) throws(ParseError) -> WhereClause? {
        try clause(input, on: definition, depth: 0)
    }

    private func clause(_ input: GraphQLValue?, on definition: ClassDefinition, depth: Int) throws(ParseError) -> WhereClause? {
        guard let input, !input.isNull else { return nil }
        guard depth <= Self.maximumDepth else { throw .invalidQuery("Query is nested too deeply.") }
        guard case .object(let record) = input else { throw .invalidQuery("Invalid where input.") }
        var clauses: [WhereClause] = []
        for (name, value) in record.fields {
            if value.isNull && !dialect.isBareValue(value) { continue }
            if let connective = dialect.connective(named: name) {
                var items: [WhereClause] = []
                for item in try dialect.items(value, of: connective) {
                    if let clause = try clause(item, on: definition, depth: depth + 1) { items.append(clause) }
                }
                clauses.append(connective.combine(items))
            } else {
                let field = try dialect.field(name, in: definition)
                clauses.append(.field(field.name, try constraints(value, field: field, depth: depth)))
            }
        }
        return clauses.count == 1 ? clauses[0] : .and(clauses)
    }

    private func constraints(_ value: GraphQLValue, field: WhereField, depth: Int) throws(ParseError) -> [FieldConstraint] {
        if field.type == .object && field.name != "ACL" {
            throw .invalidQuery("Constraints on Object fields are not supported: \(field.name).")
        }
        if dialect.isBareValue(value) {
            if value.isNull { return [.exists(false)] }
            // Parse: equality with an Array field means the array contains the value.
            if field.type == .array, let json = ParseValue.json(.list([value])) { return [.containsAll(json)] }
            return [.equalTo(try dialect.operand(value, for: field))]
        }
        guard case .object(let record) = value else { throw .invalidQuery("Invalid where input for \(field.name).") }
        var result: [FieldConstraint] = []
        for (name, operand) in record.fields {
            guard let op = dialect.whereOperator(named: name) else {
                guard let target = dialect.classFilter(name, on: field) else {
                    throw .invalidQuery("\(name) is not supported on \(field.name).")
                }
                if !operand.isNull {
                    result.append(.have(try subclause(operand, on: target, depth: depth) ?? .and([]), targetClass: target))
                }
                continue
            }
            if operand.isNull {
                // `equalTo: null` matches unset fields, `notEqualTo: null` set ones; other nulls are absent.
                if op == .equalTo { result.append(.exists(false)) }
                if op == .notEqualTo { result.append(.exists(true)) }
                continue
            }
            if field.type == .array && ![.contains, .containedBy, .exists].contains(op) {
                throw .invalidQuery("\(name) is not supported on \(field.name).")
            }
            if let constraint = try constraint(op, operand, in: record, field: field, depth: depth) {
                result.append(constraint)
            }
        }
        return result
    }

    private func constraint(_ op: WhereOperator, _ operand: GraphQLValue, in record: Record, field: WhereField,
                            depth: Int) throws(ParseError) -> FieldConstraint? {
        switch op {
        case .equalTo: return .equalTo(try dialect.operand(operand, for: field))
        case .notEqualTo: return .notEqualTo(try dialect.operand(operand, for: field))
        case .lessThan: return .lessThan(try dialect.operand(operand, for: field))
        case .lessThanOrEqualTo: return .lessThanOrEqualTo(try dialect.operand(operand, for: field))
        case .greaterThan: return .greaterThan(try dialect.operand(operand, for: field))
        case .greaterThanOrEqualTo: return .greaterThanOrEqualTo(try dialect.operand(operand, for: field))
        case .in: return .in(try operands(operand, for: field))
        case .notIn: return .notIn(try operands(operand, for: field))
        case .exists: return .exists(operand.boolValue ?? false)
        case .matchesRegex:
            guard let pattern = operand.stringValue else { throw .incorrectType("\(dialect.name(of: op)) expects a string.") }
            return .matchesRegex(pattern, options: record[dialect.name(of: .options)]?.stringValue)
        case .options:
            guard record[dialect.name(of: .matchesRegex)].map({ !$0.isNull }) == true else {
                throw .invalidQuery("\(dialect.name(of: .options)) needs \(dialect.name(of: .matchesRegex)).")
            }
            return nil
        case .text:
            return .text(try textSearch(operand))
        case .contains, .containedBy:
            guard field.type == .array else { throw .invalidQuery("\(dialect.name(of: op)) is not supported on \(field.name).") }
            guard let items = operand.listValue, let json = ParseValue.json(.list(items)) else {
                throw .incorrectType("\(dialect.name(of: op)) expects a list.")
            }
            return op == .contains ? .containsAll(json) : .containedBy(json)
        case .inQueryKey, .notInQueryKey:
            let query = try keyQuery(operand, depth: depth)
            return op == .inQueryKey ? .inQueryKey(query) : .notInQueryKey(query)
        case .have, .haveNot:
            guard field.type == .pointer else { throw .invalidQuery("\(dialect.name(of: op)) is not supported on \(field.name).") }
            let (className, filter) = try dialect.subquery(operand)
            guard let target = className ?? (field.targetClasses.count == 1 ? field.targetClasses[0] : nil) else {
                throw .invalidQuery("\(field.name) points to several classes: name the target class.")
            }
            let inner = try subclause(filter, on: target, depth: depth) ?? .and([])
            return op == .have ? .have(inner, targetClass: className) : .haveNot(inner, targetClass: className)
        }
    }

    private func operands(_ value: GraphQLValue, for field: WhereField) throws(ParseError) -> [FieldValue] {
        var values: [FieldValue] = []
        for item in value.listValue ?? [value] where !item.isNull { values.append(try dialect.operand(item, for: field)) }
        return values
    }

    private func subclause(_ filter: GraphQLValue, on className: String, depth: Int) throws(ParseError) -> WhereClause? {
        try clause(filter, on: try definition(className), depth: depth + 1)
    }

    private func definition(_ className: String) throws(ParseError) -> ClassDefinition {
        do {
            return try model.require(className)
        } catch {
            throw ParseError(error)
        }
    }

    /// `{query: {className, where}, key}` (`inQueryKey`, `$select`).
    private func keyQuery(_ operand: GraphQLValue, depth: Int) throws(ParseError) -> KeyQuery {
        guard case .string(let key)? = operand["key"], case .string(let name)? = operand["query"]?["className"] else {
            throw .invalidQuery("A key query needs query.className and key.")
        }
        let className = try dialect.className(name)
        let filter = try clause(operand["query"]?["where"], on: try definition(className), depth: depth + 1)
        return KeyQuery(className: className, where: filter, key: try dialect.field(key, in: try definition(className)).name)
    }

    /// `text: {search: {term, language, caseSensitive, diacriticSensitive}}`, keys in the dialect.
    private func textSearch(_ value: GraphQLValue) throws(ParseError) -> TextSearch {
        let search = value[dialect.textKey("search")]
        guard case .string(let term)? = search?[dialect.textKey("term")] else {
            throw .invalidQuery("text needs search.term.")
        }
        return TextSearch(term: term, language: search?[dialect.textKey("language")]?.stringValue,
                          caseSensitive: search?[dialect.textKey("caseSensitive")]?.boolValue,
                          diacriticSensitive: search?[dialect.textKey("diacriticSensitive")]?.boolValue)
    }
}
