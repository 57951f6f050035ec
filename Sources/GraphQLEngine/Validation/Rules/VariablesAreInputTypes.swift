extension ValidationContext {
    /// Spec 5.8.2 Variables Are Input Types: "For every variableDefinition in variableDefinitions:
    /// let variableType be the type of variableDefinition. IsInputType(variableType) must be
    /// true."
    mutating func checkVariablesAreInputTypes(_ definition: VariableDefinitionNode, type: TypeReference?) {
        guard let type, !type.namedType.isInputType else { return }
        report("Variable \"$\(definition.variable.name.value)\" cannot be non-input type \"\(print(definition.type))\".",
               at: [definition.type.loc])
    }
}
