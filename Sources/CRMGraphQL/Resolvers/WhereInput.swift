import CRMStore
import GraphQLEngine

/// Turns a `<Class>WhereInput` into the store's ``WhereClause`` (parse-graphql.md 4.1-4.3):
/// sibling fields and operators are ANDed; `id` values are global-id-decoded; pointers use
/// `have`/`haveNot`/`exists`; the polymorphic pointer takes global ids and `have<Class>`.
/// Field names are checked again by the store against the class model.
struct WhereInput {
    let model: APIModel

    func clause(_ input: GraphQLValue?, on api: APIClass) throws -> WhereClause? {
        guard let input, !input.isNull else { return nil }
        guard case .object(let record) = input else { throw APIError.invalidQuery("Invalid where input.") }
        var clauses: [WhereClause] = []
        for (name, value) in record.fields where !value.isNull {
            switch name {
            case "AND", "OR", "NOR":
                var items: [WhereClause] = []
                for item in value.listValue ?? [value] {
                    if let clause = try clause(item, on: api) { items.append(clause) }
                }
                clauses.append(name == "AND" ? .and(items) : name == "OR" ? .or(items) : .nor(items))
            case "id":
                clauses.append(.field("objectId", try constraints(value, field: "objectId") { item in
                    guard case .string(let text) = item else { throw APIError.incorrectType("id expects an ID.") }
                    return .string(GlobalID.objectId(from: text, className: api.className))
                }))
            case "objectId", "createdAt", "updatedAt", "ACL":
                let type: FieldType = name == "objectId" ? .string : name == "ACL" ? .object : .date
                clauses.append(.field(name, try constraints(value, field: name) { try scalar($0, type: type, field: name) }))
            default:
                guard let field = api.definition.field(name) else {
                    throw APIError.invalidQuery("Invalid field name: \(name).")
                }
                clauses.append(.field(name, try fieldConstraints(value, field: field)))
            }
        }
        return clauses.count == 1 ? clauses[0] : .and(clauses)
    }

    private func fieldConstraints(_ value: GraphQLValue, field: ModelField) throws -> [FieldConstraint] {
        if field.type == .object || field.type == .array {
            throw APIError.invalidQuery("Constraints on \(field.type.rawValue) fields are not supported: \(field.name).")
        }
        guard field.type == .pointer else {
            return try constraints(value, field: field.name) { try scalar($0, type: field.type, field: field.name) }
        }
        guard case .object(let record) = value else { throw APIError.invalidQuery("Invalid where input for \(field.name).") }
        var result: [FieldConstraint] = []
        for (name, item) in record.fields where !item.isNull {
            switch name {
            case "exists":
                result.append(.exists(item.boolValue ?? false))
            case "have", "haveNot":
                let target = try targetClass(field.targetClasses[0])
                let inner = try clause(item, on: target) ?? .and([])
                result.append(name == "have" ? .have(inner, targetClass: nil) : .haveNot(inner, targetClass: nil))
            case "equalTo":
                result.append(.equalTo(try pointer(item, field: field)))
            case "in":
                result.append(.in(try (item.listValue ?? [item]).filter { !$0.isNull }.map { try pointer($0, field: field) }))
            case let have where have.hasPrefix("have"):
                let typeName = String(have.dropFirst(4))
                guard let target = model.apiClass(typeName: typeName), field.targetClasses.contains(target.className) else {
                    throw APIError.invalidQuery("Invalid where input for \(field.name).")
                }
                result.append(.have(try clause(item, on: target) ?? .and([]), targetClass: target.className))
            default:
                throw APIError.invalidQuery("\(name) is not supported on \(field.name).")
            }
        }
        return result
    }

    /// A global id naming one of the pointer's classes (the polymorphic pointer's equalTo/in).
    private func pointer(_ value: GraphQLValue, field: ModelField) throws -> FieldValue {
        guard case .string(let id) = value, let decoded = GlobalID.decode(id),
              field.targetClasses.contains(decoded.className) else {
            throw APIError.incorrectType("\(field.name) expects global ids of \(field.targetClasses.joined(separator: " or ")).")
        }
        return .pointer(className: decoded.className, objectId: decoded.objectId)
    }

    private func targetClass(_ className: String) throws -> APIClass {
        guard let target = model.apiClass(className: className) else {
            throw APIError.invalidQuery("Class \(className) is not exposed.")
        }
        return target
    }

    /// The operators of a scalar where input (StringWhereInput, NumberWhereInput, ...).
    private func constraints(_ value: GraphQLValue, field: String,
                             convert: (GraphQLValue) throws -> FieldValue) throws -> [FieldConstraint] {
        guard case .object(let record) = value else { throw APIError.invalidQuery("Invalid where input for \(field).") }
        var result: [FieldConstraint] = []
        let options = record["options"]?.stringValue
        for (name, item) in record.fields {
            if item.isNull {
                // `equalTo: null` matches unset fields, `notEqualTo: null` set ones; other nulls are absent.
                if name == "equalTo" { result.append(.exists(false)) }
                if name == "notEqualTo" { result.append(.exists(true)) }
                continue
            }
            switch name {
            case "equalTo": result.append(.equalTo(try convert(item)))
            case "notEqualTo": result.append(.notEqualTo(try convert(item)))
            case "lessThan": result.append(.lessThan(try convert(item)))
            case "lessThanOrEqualTo": result.append(.lessThanOrEqualTo(try convert(item)))
            case "greaterThan": result.append(.greaterThan(try convert(item)))
            case "greaterThanOrEqualTo": result.append(.greaterThanOrEqualTo(try convert(item)))
            case "in": result.append(.in(try (item.listValue ?? [item]).filter { !$0.isNull }.map(convert)))
            case "notIn": result.append(.notIn(try (item.listValue ?? [item]).filter { !$0.isNull }.map(convert)))
            case "exists": result.append(.exists(item.boolValue ?? false))
            case "matchesRegex":
                guard let pattern = item.stringValue else { throw APIError.incorrectType("matchesRegex expects a string.") }
                result.append(.matchesRegex(pattern, options: options))
            case "options":
                guard record["matchesRegex"].map({ !$0.isNull }) == true else {
                    throw APIError.invalidQuery("options needs matchesRegex.")
                }
            case "text":
                result.append(.text(try textSearch(item)))
            default:
                throw APIError.invalidQuery("\(name) is not supported on \(field).")
            }
        }
        return result
    }

    private func textSearch(_ value: GraphQLValue) throws -> TextSearch {
        guard case .string(let term)? = value["search"]?["term"] else { throw APIError.invalidQuery("text needs search.term.") }
        let search = value["search"]
        return TextSearch(term: term, language: search?["language"]?.stringValue,
                          caseSensitive: search?["caseSensitive"]?.boolValue,
                          diacriticSensitive: search?["diacriticSensitive"]?.boolValue)
    }

    /// A scalar operand as the field's type.
    private func scalar(_ value: GraphQLValue, type: FieldType, field: String) throws -> FieldValue {
        if let converted = try InputValues.scalar(value, type: type) { return converted }
        throw APIError.incorrectType("Invalid value for \(field): expected \(type.rawValue).")
    }
}

/// `order: [DealOrder!]`: `<field>_ASC` / `<field>_DESC`; `id_*` sorts by objectId.
enum OrderInput {
    static func sortKeys(_ value: GraphQLValue?) throws -> [SortKey] {
        guard let items = value?.listValue else { return [] }
        return try items.map { item in
            guard let name = item.stringValue, let underscore = name.lastIndex(of: "_") else {
                throw APIError.invalidQuery("Invalid order.")
            }
            let field = String(name[..<underscore])
            return SortKey(field == "id" ? "objectId" : field, descending: name[underscore...] == "_DESC")
        }
    }
}
