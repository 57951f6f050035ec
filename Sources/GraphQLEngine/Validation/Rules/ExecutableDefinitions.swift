extension ValidationContext {
    /// Spec 5.1.1 Executable Definitions: "For each definition definition in the document,
    /// definition must be OperationDefinition or FragmentDefinition (it must not be
    /// TypeSystemDefinitionOrExtension)."
    mutating func checkExecutableDefinitions() {
        for definition in document.definitions where !definition.isExecutable {
            let name: String = switch definition {
            case .type(let type), .typeExtension(let type): "\"\(type.name.value)\""
            case .directive(let directive): "\"\(directive.name.value)\""
            default: "schema"
            }
            report("The \(name) definition is not executable.", at: [definition.loc])
        }
    }
}
