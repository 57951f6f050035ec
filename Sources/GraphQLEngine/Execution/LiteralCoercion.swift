/// graphql-js `valueFromAST`: the internal value of a literal of the document as `type`, with
/// variables replaced by their coerced values; nil when the literal is invalid for the type.
/// Used for argument values and for default values of variables.
func coerceLiteral(
    _ literal: ValueNode,
    to type: TypeReference,
    variables: [String: GraphQLValue]
) -> GraphQLValue? {
    if case .variable(let variable) = literal {
        // The variable was coerced to a compatible type already; an absent one is invalid here.
        guard let value = variables[variable.name.value] else { return nil }
        if value.isNull && type.isNonNull { return nil }
        return value
    }
    switch type {
    case .nonNull(let inner):
        if case .null = literal { return nil }
        return coerceLiteral(literal, to: inner, variables: variables)
    case .list(let itemType):
        if case .null = literal { return .null }
        guard case .list(let items, _) = literal else {
            return coerceLiteral(literal, to: itemType, variables: variables).map { .list([$0]) }
        }
        var coerced: [GraphQLValue] = []
        coerced.reserveCapacity(items.count)
        for item in items {
            if isMissingVariable(item, variables) {
                if itemType.isNonNull { return nil }
                coerced.append(.null)
            } else {
                guard let value = coerceLiteral(item, to: itemType, variables: variables) else { return nil }
                coerced.append(value)
            }
        }
        return .list(coerced)
    case .named(let named):
        if case .null = literal { return .null }
        switch named {
        case .inputObject(let inputObject):
            return coerceObjectLiteral(literal, to: inputObject, variables: variables)
        case .scalar(let scalar):
            return try? scalar.parseLiteral(literal, variables)
        case .enum(let enumType):
            return try? enumType.parseLiteral(literal)
        case .object, .interface, .union:
            return nil
        }
    }
}

private func coerceObjectLiteral(
    _ literal: ValueNode,
    to type: InputObjectType,
    variables: [String: GraphQLValue]
) -> GraphQLValue? {
    guard case .object(let fieldNodes, _) = literal else { return nil }
    var names: [String] = []
    var values: [GraphQLValue] = []
    for field in type.fields {
        let node = fieldNodes.first { $0.name.value == field.name }
        guard let node, !isMissingVariable(node.value, variables) else {
            if let defaultValue = field.defaultValue {
                names.append(field.name)
                values.append(defaultValue)
            } else if field.type.isNonNull {
                return nil
            }
            continue
        }
        guard let value = coerceLiteral(node.value, to: field.type, variables: variables) else { return nil }
        names.append(field.name)
        values.append(value)
    }
    if type.isOneOf && (names.count != 1 || values[0].isNull) { return nil }
    return .object(Record(shape: RecordShape(names), values: values))
}

private func isMissingVariable(_ literal: ValueNode, _ variables: [String: GraphQLValue]) -> Bool {
    if case .variable(let variable) = literal { return variables[variable.name.value] == nil }
    return false
}

/// Whether a literal refers to a variable anywhere inside it.
func containsVariable(_ literal: ValueNode) -> Bool {
    switch literal {
    case .variable: return true
    case .list(let items, _): return items.contains(where: containsVariable)
    case .object(let fields, _): return fields.contains { containsVariable($0.value) }
    default: return false
    }
}
