/// Spec 6.4.1 CoerceArgumentValues, with graphql-js's messages: the arguments of a field (or
/// directive) from the literals and variables of the document, defaults filled in.
func coerceArgumentValues(
    definitions: [InputValueDefinition],
    arguments: [ArgumentNode],
    node: Location,
    variables: [String: GraphQLValue],
    source: Source
) -> Result<Record, GraphQLError> {
    var names: [String] = []
    var values: [GraphQLValue] = []
    names.reserveCapacity(definitions.count)
    values.reserveCapacity(definitions.count)
    for definition in definitions {
        let name = definition.name
        let type = definition.type
        guard let argument = arguments.first(where: { $0.name.value == name }) else {
            if let defaultValue = definition.defaultValue {
                names.append(name)
                values.append(defaultValue)
            } else if type.isNonNull {
                return .failure(GraphQLError("Argument \"\(name)\" of required type \"\(type)\" was not provided.", at: [node], in: source))
            }
            continue
        }
        let literal = argument.value
        var isNull = false
        if case .null = literal { isNull = true }
        if case .variable(let variable) = literal {
            let variableName = variable.name.value
            guard let value = variables[variableName] else {
                if let defaultValue = definition.defaultValue {
                    names.append(name)
                    values.append(defaultValue)
                } else if type.isNonNull {
                    return .failure(GraphQLError(
                        "Argument \"\(name)\" of required type \"\(type)\" was provided the variable \"$\(variableName)\" which was not provided a runtime value.",
                        at: [literal.loc], in: source))
                }
                continue
            }
            isNull = value.isNull
        }
        if isNull && type.isNonNull {
            return .failure(GraphQLError("Argument \"\(name)\" of non-null type \"\(type)\" must not be null.", at: [literal.loc], in: source))
        }
        guard let value = coerceLiteral(literal, to: type, variables: variables) else {
            return .failure(GraphQLError("Argument \"\(name)\" has invalid value \(print(literal)).", at: [literal.loc], in: source))
        }
        names.append(name)
        values.append(value)
    }
    return .success(Record(shape: RecordShape(names), values: values))
}
