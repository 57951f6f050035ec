extension ValidationContext {
    /// Spec 5.8.5 All Variable Usages Are Allowed: "For each variableUsage in variableUsages:
    /// let variableName be the name of variableUsage. Let variableDefinition be the
    /// VariableDefinition named variableName defined within operation. IsVariableUsageAllowed
    /// (variableDefinition, variableUsage) must be true." That includes the September 2025 rule
    /// that a variable given as the field of a OneOf Input Object must be non-null.
    mutating func checkVariablesInAllowedPosition(_ operation: OperationDefinitionNode, usages: [VariableUsage]) {
        for usage in usages {
            let name = usage.node.name.value
            guard let locationType = usage.type,
                  let definition = operation.variableDefinitions.last(where: { $0.variable.name.value == name }),
                  let variableType = schema.type(from: definition.type) else { continue }
            if !isVariableUsageAllowed(variableType, default: definition.defaultValue, location: locationType,
                                       locationHasDefault: usage.hasLocationDefault) {
                report("Variable \"$\(name)\" of type \"\(variableType.description)\" used in position expecting type \"\(locationType.description)\".",
                       at: [definition.loc, usage.node.loc])
            }
            if let oneOf = usage.parentObject, oneOf.isOneOf, !variableType.isNonNull {
                report("Variable \"$\(name)\" is of type \"\(variableType.description)\" but must be non-nullable to be used for OneOf Input Object \"\(oneOf.name)\".",
                       at: [definition.loc, usage.node.loc])
            }
        }
    }

    /// Spec IsVariableUsageAllowed: a nullable variable may fill a non-null position only when it
    /// or the position has a non-null default.
    private func isVariableUsageAllowed(_ variableType: TypeReference, default defaultValue: ValueNode?,
                                        location: TypeReference, locationHasDefault: Bool) -> Bool {
        if case .nonNull(let nullableLocation) = location, !variableType.isNonNull {
            var hasNonNullDefault = false
            if let defaultValue, case .null = defaultValue {} else if defaultValue != nil { hasNonNullDefault = true }
            guard hasNonNullDefault || locationHasDefault else { return false }
            return variableType.isSubType(of: nullableLocation, in: schema)
        }
        return variableType.isSubType(of: location, in: schema)
    }
}
