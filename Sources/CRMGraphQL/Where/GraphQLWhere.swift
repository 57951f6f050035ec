import APICore
import CRMStore
import GraphQLEngine

/// The where of the GraphQL API (`<Class>WhereInput`, parse-graphql's section 4): operators by
/// their GraphQL names, `id` values as global ids (or raw objectIds), pointer ids as global ids,
/// `have`/`haveNot` taking the target's where input, and `have<Type>` naming one class of a
/// polymorphic pointer.
struct GraphQLWhere: WhereDialect {
    let model: APIModel

    var naming: WhereNaming { .graphQL }

    /// `AND: [...]` (a single where is accepted as a list of one, as GraphQL's input coercion does).
    func items(_ value: GraphQLValue, of connective: WhereConnective) throws(ParseError) -> [GraphQLValue] {
        value.listValue ?? [value]
    }

    func field(_ key: String, in definition: ClassDefinition) throws(ParseError) -> WhereField {
        if key == "id" { return WhereField(name: "objectId", type: .string, globalIdClass: definition.name) }
        guard let field = WhereField(named: key, in: definition) else {
            throw .invalidQuery("Invalid field name: \(key).")
        }
        return field
    }

    func operand(_ value: GraphQLValue, for field: WhereField) throws(ParseError) -> FieldValue {
        if let className = field.globalIdClass {
            guard case .string(let text) = value else { throw .incorrectType("id expects an ID.") }
            return .string(GlobalID.objectId(from: text, className: className))
        }
        if field.type == .pointer {
            // The polymorphic pointer's equalTo/in: a global id names the class.
            guard case .string(let id) = value, let decoded = GlobalID.decode(id),
                  field.targetClasses.contains(decoded.className) else {
                throw .incorrectType("\(field.name) expects global ids of \(field.targetClasses.joined(separator: " or ")).")
            }
            return .pointer(className: decoded.className, objectId: decoded.objectId)
        }
        guard let decoded = ParseValue.decode(value, as: field.type) else {
            throw .incorrectType("Invalid value for \(field.name): expected \(field.type.rawValue).")
        }
        return decoded
    }

    func isBareValue(_ value: GraphQLValue) -> Bool { false }

    /// `have: {<target where>}`: the class is the pointer's target.
    func subquery(_ operand: GraphQLValue) throws(ParseError) -> (className: String?, filter: GraphQLValue) {
        (nil, operand)
    }

    /// `haveContact`, `haveDeal`: one class of a polymorphic pointer, by its type name.
    func classFilter(_ name: String, on field: WhereField) -> String? {
        guard field.type == .pointer, name.hasPrefix("have"),
              let target = model.apiClass(typeName: String(name.dropFirst(4))),
              field.targetClasses.contains(target.className) else { return nil }
        return target.className
    }

    /// `inQueryKey: {query: {className}}` takes the Parse class name or the GraphQL type name.
    func className(_ name: String) throws(ParseError) -> String {
        model.apiClass(typeName: name)?.className ?? name
    }
}
