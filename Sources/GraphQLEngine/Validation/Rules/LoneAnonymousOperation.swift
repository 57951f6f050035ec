extension ValidationContext {
    /// Spec 5.2.3.1 Lone Anonymous Operation: "Let anonymous be the set of all anonymous
    /// operation definitions in the document. If operations is a set of more than 1: anonymous
    /// must be empty."
    mutating func checkLoneAnonymousOperation(_ operation: OperationDefinitionNode) {
        if operation.name == nil && operationCount > 1 {
            report("This anonymous operation must be the only defined operation.", at: [operation.loc])
        }
    }
}
