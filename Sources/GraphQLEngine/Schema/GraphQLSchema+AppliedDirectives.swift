// Reading the directives applied in SDL (`type Deal @key(fields: "id")`): every schema element
// built from SDL keeps its syntax (`astNode`), and `appliedDirectives` lists what it applies.

extension GraphQLSchema {
    /// The arguments of each application of directive `name` among `applied`, coerced to the
    /// directive's argument types with defaults filled in (graphql-js `getDirectiveValues`, for
    /// every application since a repeatable directive may appear more than once). Empty when the
    /// schema has no such directive; an application whose arguments do not coerce (possible only
    /// without SDL validation) is left out.
    public func directiveValues(_ name: String, in applied: [DirectiveNode]) -> [Record] {
        guard let definition = directive(named: name) else { return [] }
        return applied.filter { $0.name.value == name }.compactMap { node in
            let result = coerceArgumentValues(
                definitions: definition.arguments, arguments: node.arguments, node: node.loc, variables: [:], source: Source(""))
            return try? result.get()
        }
    }
}
