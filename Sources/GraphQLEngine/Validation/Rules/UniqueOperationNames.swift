extension ValidationContext {
    /// Spec 5.2.2.1 Operation Name Uniqueness: "Let operations be all operation definitions in
    /// the document named operationName. operations must be a set of one."
    mutating func checkUniqueOperationNames(_ operation: OperationDefinitionNode) {
        guard let name = operation.name else { return }
        if let first = seenOperationNames[name.value] {
            report("There can be only one operation named \"\(name.value)\".", at: [first.loc, name.loc])
        } else {
            seenOperationNames[name.value] = name
        }
    }
}
