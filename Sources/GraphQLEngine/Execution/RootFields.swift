extension PreparedDocument {
    /// The root fields `operation` selects, one per response key (spec 6.3.2 CollectFields
    /// without `@skip`/`@include`, so a field is counted even when a variable would skip it):
    /// `{ a: logIn ... b: logIn ... }` is two `logIn`. Fragments are followed once each, so a
    /// document that failed validation with a fragment cycle still ends.
    public func rootFields(of operation: OperationDefinitionNode) -> [(responseKey: String, name: String)] {
        var fields: [(responseKey: String, name: String)] = []
        var keys: Set<String> = []
        var visited: Set<String> = []
        func collect(_ selectionSet: SelectionSetNode) {
            for selection in selectionSet.selections {
                switch selection {
                case .field(let field):
                    let key = field.alias?.value ?? field.name.value
                    if keys.insert(key).inserted { fields.append((key, field.name.value)) }
                case .inlineFragment(let fragment):
                    collect(fragment.selectionSet)
                case .fragmentSpread(let spread):
                    guard visited.insert(spread.name.value).inserted, let fragment = fragments[spread.name.value] else { continue }
                    collect(fragment.selectionSet)
                }
            }
        }
        collect(operation.selectionSet)
        return fields
    }
}
