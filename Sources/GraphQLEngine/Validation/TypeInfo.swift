// The schema questions the walk asks about each node that the schema model does not answer
// itself: graphql-js's `typeFromAST`, `getFieldDef` and `doTypesOverlap` (spec 5.3.1 "Field Selections", 5.5.2.3 "Fragment spread is possible").

extension GraphQLSchema {
    /// The schema type a type reference of the document denotes (graphql-js `typeFromAST`).
    func type(from node: TypeNode) -> TypeReference? {
        switch node {
        case .named(let named): type(named: named.name.value).map(TypeReference.named)
        case .list(let inner, _): type(from: inner).map(TypeReference.list)
        case .nonNull(let inner, _): type(from: inner).map(TypeReference.nonNull)
        }
    }

    /// The field `name` of a composite type, including the introspection meta-fields
    /// (graphql-js `getFieldDef`).
    func fieldDefinition(named name: String, on parent: NamedType) -> FieldDefinition? {
        if let field = parent.field(named: name) { return field }
        guard name.utf8.first == UInt8(ascii: "_") else { return nil }
        return Introspection.metaField(named: name, on: parent, in: self)
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
