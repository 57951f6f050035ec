extension ValidationContext {
    /// Spec 5.8.3 All Variable Uses Defined: "For each variableUsage in scope, variable must be
    /// in operation's variable list", where the scope takes in every fragment the operation
    /// spreads, transitively.
    mutating func checkNoUndefinedVariables(_ operation: OperationDefinitionNode, usages: [VariableUsage]) {
        for usage in usages {
            let name = usage.node.name.value
            guard !operation.variableDefinitions.contains(where: { $0.variable.name.value == name }) else { continue }
            let message = operation.name.map { "Variable \"$\(name)\" is not defined by operation \"\($0.value)\"." }
                ?? "Variable \"$\(name)\" is not defined."
            report(message, at: [usage.node.loc, operation.loc])
        }
    }
}
