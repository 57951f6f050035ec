extension ValidationContext {
    /// Spec 5.3.3 Leaf Field Selections: "If selectionType is a scalar or enum: The subselection
    /// set of that selection must be empty. If selectionType is an interface, union, or object:
    /// The subselection set of that selection must NOT BE empty."
    mutating func checkScalarLeafs(_ field: FieldNode, type: TypeReference?) {
        guard let type, type.namedType.isOutputType else { return }
        let name = field.name.value
        if type.namedType.isLeaf {
            if let selectionSet = field.selectionSet {
                report("Field \"\(name)\" must not have a selection since type \"\(type.description)\" has no subfields.",
                       at: [selectionSet.loc])
            }
        } else if field.selectionSet == nil {
            report("Field \"\(name)\" of type \"\(type.description)\" must have a selection of subfields. Did you mean \"\(name) { ... }\"?",
                   at: [field.loc])
        }
    }
}
