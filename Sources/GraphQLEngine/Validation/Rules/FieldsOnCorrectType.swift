extension ValidationContext {
    /// Spec 5.3.1 Field Selections: "For each selection in the document, let fieldName be the
    /// target field of selection. fieldName must be defined on type in scope."
    ///
    /// The hint prefers types where the field exists (an inline fragment would help), then
    /// similar field names, as graphql-js does.
    mutating func checkFieldsOnCorrectType(_ field: FieldNode, parentType: NamedType?, definition: FieldDefinition?) {
        guard let parentType, definition == nil else { return }
        let name = field.name.value
        var hint = didYouMean(suggestedTypeNames(for: name, on: parentType), subject: "to use an inline fragment on")
        if hint.isEmpty { hint = didYouMean(suggestedFieldNames(for: name, on: parentType)) }
        report("Cannot query field \"\(name)\" on type \"\(parentType.name)\"." + hint, at: [field.loc])
    }

    /// The types below an abstract type that define the field, the most often implemented
    /// interfaces first, then interfaces before the types implementing them, then by name.
    private func suggestedTypeNames(for fieldName: String, on type: NamedType) -> [String] {
        guard type.isAbstract else { return [] }
        var suggested: [NamedType] = []
        var usage: [String: Int] = [:]
        for object in schema.possibleTypes(of: type) where object.field(named: fieldName) != nil {
            if usage[object.name] == nil { suggested.append(.object(object)) }
            usage[object.name] = 1
            for interface in object.interfaces where interface.field(named: fieldName) != nil {
                if usage[interface.name] == nil { suggested.append(.interface(interface)) }
                usage[interface.name, default: 0] += 1
            }
        }
        suggested.sort { a, b in
            let difference = usage[b.name, default: 0] - usage[a.name, default: 0]
            if difference != 0 { return difference < 0 }
            if case .interface = a, schema.isSubType(a, b) { return true }
            if case .interface = b, schema.isSubType(b, a) { return false }
            return naturalOrder(a.name, b.name) < 0
        }
        return suggested.map(\.name)
    }

    private func suggestedFieldNames(for fieldName: String, on type: NamedType) -> [String] {
        switch type {
        case .object(let object): suggestionList(fieldName, object.fields.map(\.name))
        case .interface(let interface): suggestionList(fieldName, interface.fields.map(\.name))
        default: []
        }
    }
}
