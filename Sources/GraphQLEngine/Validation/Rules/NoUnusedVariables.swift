extension ValidationContext {
    /// Spec 5.8.4 All Variables Used: "For every operation in the document: let variables be the
    /// variables defined by that operation. Each variable in variables must be used at least
    /// once in either the operation scope itself or any fragment transitively referenced by that
    /// operation."
    mutating func checkNoUnusedVariables(_ operation: OperationDefinitionNode, usages: [VariableUsage]) {
        for definition in operation.variableDefinitions {
            let name = definition.variable.name.value
            guard !usages.contains(where: { $0.node.name.value == name }) else { continue }
            let message = operation.name.map { "Variable \"$\(name)\" is never used in operation \"\($0.value)\"." }
                ?? "Variable \"$\(name)\" is never used."
            report(message, at: [definition.loc])
        }
    }
}
