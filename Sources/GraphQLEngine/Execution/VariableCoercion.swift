/// Spec 6.1.2 CoerceVariableValues, with graphql-js's messages: the operation's variables coerced
/// from the request's JSON values. A variable neither given nor defaulted stays absent.
///
/// Stops after `maxErrors` errors, as graphql-js does, so a hostile request with thousands of bad
/// values costs little.
func coerceVariableValues(
    schema: GraphQLSchema,
    definitions: [VariableDefinitionNode],
    inputs: [String: GraphQLValue],
    source: Source,
    maxErrors: Int = 50
) -> Result<[String: GraphQLValue], RequestErrors> {
    var coerced: [String: GraphQLValue] = [:]
    var errors: [GraphQLError] = []
    func report(_ message: String, _ node: VariableDefinitionNode) -> Bool {
        if errors.count >= maxErrors {
            errors.append(GraphQLError("Too many errors processing variables, error limit reached. Execution aborted."))
            return false
        }
        errors.append(GraphQLError(message, at: [node.loc], in: source))
        return true
    }

    definitions: for definition in definitions {
        let name = definition.variable.name.value
        guard let type = schema.type(from: definition.type), type.isInputType else {
            // Validation rejects this; an unvalidated document still gets a clear error.
            let message = "Variable \"$\(name)\" expected value of type \"\(print(definition.type))\" which cannot be used as an input type."
            if !report(message, definition) { break }
            continue
        }
        guard let input = inputs[name] else {
            if let defaultValue = definition.defaultValue {
                if let value = coerceLiteral(defaultValue, to: type, variables: [:]) {
                    coerced[name] = value
                } else if !report("Variable \"$\(name)\" has invalid default value \(print(defaultValue)).", definition) {
                    break
                }
            } else if type.isNonNull {
                if !report("Variable \"$\(name)\" of required type \"\(type)\" was not provided.", definition) { break }
            }
            continue
        }
        if input.isNull && type.isNonNull {
            if !report("Variable \"$\(name)\" of non-null type \"\(type)\" must not be null.", definition) { break }
            continue
        }
        var stop = false
        var coercion = InputCoercion { path, invalid, error in
            guard !stop else { return }
            var prefix = "Variable \"$\(name)\" got invalid value \(inspect(invalid))"
            if !path.isEmpty { prefix += " at \"\(name)\(printPath(path))\"" }
            var located = GraphQLError(prefix + "; " + error.message, at: [definition.loc], in: source)
            located.extensions = error.extensions
            if errors.count >= maxErrors {
                errors.append(GraphQLError("Too many errors processing variables, error limit reached. Execution aborted."))
                stop = true
            } else {
                errors.append(located)
            }
        }
        if let value = coercion.coerce(input, to: type) { coerced[name] = value }
        if stop { break definitions }
    }
    return errors.isEmpty ? .success(coerced) : .failure(RequestErrors(errors: errors))
}

/// graphql-js `printPathArray`: `.field[0].other`.
func printPath(_ path: [PathComponent]) -> String {
    path.map { component in
        switch component {
        case .key(let key): return "." + key
        case .index(let index): return "[\(index)]"
        }
    }.joined()
}

