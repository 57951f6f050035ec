extension ValidationContext {
    /// Spec 5.4.2.1 Required Arguments: "For each Field or Directive in the document, let
    /// arguments be the arguments provided by the Field or Directive. For each argumentDefinition
    /// of the parent: if argumentDefinition is non-null and has no default value, it must be
    /// provided." (fields)
    mutating func checkProvidedRequiredArguments(_ field: FieldNode, definition: FieldDefinition) {
        for argument in definition.arguments where argument.isRequired {
            if !field.arguments.contains(where: { $0.name.value == argument.name }) {
                report("Field \"\(definition.name)\" argument \"\(argument.name)\" of type \"\(argument.type.description)\" is required, but it was not provided.",
                       at: [field.loc])
            }
        }
    }

    /// Spec 5.4.2.1 Required Arguments (directives).
    mutating func checkProvidedRequiredArguments(_ directive: DirectiveNode, definition: DirectiveDefinition) {
        for argument in definition.arguments where argument.isRequired {
            if !directive.arguments.contains(where: { $0.name.value == argument.name }) {
                report("Directive \"@\(definition.name)\" argument \"\(argument.name)\" of type \"\(argument.type.description)\" is required, but it was not provided.",
                       at: [directive.loc])
            }
        }
    }
}
