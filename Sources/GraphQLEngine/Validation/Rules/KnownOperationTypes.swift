extension ValidationContext {
    /// Spec 5.2.1 Operation Type Existence (September 2025): "For each operation definition
    /// operation in the document, let rootOperationType be the root operation type in schema
    /// corresponding to the kind of operation. rootOperationType must exist."
    mutating func checkKnownOperationTypes(_ operation: OperationDefinitionNode) {
        if schema.rootType(for: operation.operation) == nil {
            report("The \(operation.operation.rawValue) operation is not supported by the schema.", at: [operation.loc])
        }
    }
}
