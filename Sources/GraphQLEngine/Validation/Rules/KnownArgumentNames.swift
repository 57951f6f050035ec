extension ValidationContext {
    /// Spec 5.4.1 Argument Names: "For each argument in the document, let argumentName be the
    /// Name of argument. Let argumentDefinition be the argument definition provided by the
    /// parent field or definition named argumentName. argumentDefinition must exist." (fields)
    mutating func checkKnownArgumentName(_ argument: ArgumentNode, field: FieldDefinition, parentType: NamedType) {
        let name = argument.name.value
        let suggestions = suggestionList(name, field.arguments.map(\.name))
        report("Unknown argument \"\(name)\" on field \"\(parentType.name).\(field.name)\"." + didYouMean(suggestions),
               at: [argument.loc])
    }

    /// Spec 5.4.1 Argument Names (directives).
    mutating func checkKnownArgumentName(_ argument: ArgumentNode, directive: DirectiveDefinition) {
        let name = argument.name.value
        let suggestions = suggestionList(name, directive.arguments.map(\.name))
        report("Unknown argument \"\(name)\" on directive \"@\(directive.name)\"." + didYouMean(suggestions),
               at: [argument.loc])
    }
}
