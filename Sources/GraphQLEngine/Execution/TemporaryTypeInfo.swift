// TEMPORARY copy until the validation branch merges its TypeInfo.swift; delete on rebase.
extension GraphQLSchema {
    func type(from node: TypeNode) -> TypeReference? {
        switch node {
        case .named(let named): type(named: named.name.value).map(TypeReference.named)
        case .list(let inner, _): type(from: inner).map(TypeReference.list)
        case .nonNull(let inner, _): type(from: inner).map(TypeReference.nonNull)
        }
    }

    func fieldDefinition(named name: String, on parent: NamedType) -> FieldDefinition? {
        if let field = parent.field(named: name) { return field }
        if name == "__typename" { return tmpTypenameField }
        return nil
    }
}
private let tmpTypenameField = FieldDefinition("__typename", type: .nonNull(.scalar(.string)))
func suggestionList(_ input: String, _ options: some Sequence<String>) -> [String] { [] }
func didYouMean(_ suggestions: [String], subject: String? = nil) -> String { "" }
