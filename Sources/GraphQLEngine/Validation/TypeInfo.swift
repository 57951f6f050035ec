// The schema questions the walk asks about each node that the schema model does not answer
// itself: graphql-js's `typeFromAST`, `getFieldDef` (with the introspection fields) and
// `doTypesOverlap` (spec 5.3.1 "Field Selections", 5.5.2.3 "Fragment spread is possible").

extension GraphQLSchema {
    /// The schema type a type reference of the document denotes (graphql-js `typeFromAST`).
    func type(from node: TypeNode) -> TypeReference? {
        switch node {
        case .named(let named): type(named: named.name.value).map(TypeReference.named)
        case .list(let inner, _): type(from: inner).map(TypeReference.list)
        case .nonNull(let inner, _): type(from: inner).map(TypeReference.nonNull)
        }
    }

    /// The field `name` of a composite type, including the introspection fields `__typename`
    /// (everywhere) and `__schema` and `__type` (on the query root, when the schema has the
    /// introspection types).
    func fieldDefinition(named name: String, on parent: NamedType) -> FieldDefinition? {
        if let field = parent.field(named: name) { return field }
        guard parent.isComposite, name.utf8.first == UInt8(ascii: "_") else { return nil }
        switch name {
        case "__typename":
            return typenameField
        case "__schema":
            guard case .object(let object) = parent, object === queryType, let type = type(named: "__Schema") else { return nil }
            return FieldDefinition("__schema", type: .nonNull(.named(type)))
        case "__type":
            guard case .object(let object) = parent, object === queryType, let type = type(named: "__Type") else { return nil }
            return FieldDefinition("__type", type: .named(type),
                                   arguments: [InputValueDefinition("name", type: .nonNull(.scalar(.string)))])
        default:
            return nil
        }
    }

    /// Whether some object type could be of both types (graphql-js `doTypesOverlap`).
    func typesOverlap(_ a: NamedType, _ b: NamedType) -> Bool {
        if a == b { return true }
        if a.isAbstract {
            if b.isAbstract {
                let possibleA = possibleTypes(of: a)
                return possibleTypes(of: b).contains { object in possibleA.contains { $0 === object } }
            }
            return isSubType(a, b)
        }
        if b.isAbstract { return isSubType(b, a) }
        return false
    }
}

/// `__typename: String!`, which every composite type has (spec 4.4 "Type Name Introspection").
private let typenameField = FieldDefinition("__typename", type: .nonNull(.scalar(.string)))
