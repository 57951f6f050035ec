extension ValidationContext {
    /// Spec 5.8.1 Variable Uniqueness: "For every operation in the document, for every variable
    /// defined on operation: let variableName be the name of variable. Let variables be the set
    /// of all variables named variableName on operation. variables must be a set of one."
    mutating func checkUniqueVariableNames(_ operation: OperationDefinitionNode) {
        let definitions = operation.variableDefinitions
        forEachDuplicateNameGroup(count: definitions.count, name: { definitions[$0].variable.name.value }) { positions in
            report("There can be only one variable named \"$\(definitions[positions[0]].variable.name.value)\".",
                   at: positions.map { definitions[$0].variable.name.loc })
        }
    }
}
