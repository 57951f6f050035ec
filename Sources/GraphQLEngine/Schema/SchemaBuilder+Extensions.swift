// Type extensions (spec 3.4.3 "Type Extensions"): an extension must name a type the document
// defines, of the same kind (graphql-js PossibleTypeExtensions).

extension SchemaBuilder {
    /// Reports extensions of unknown types and of types of another kind, and drops them, so
    /// that `extensions` holds only those the types can take.
    mutating func checkExtensions() {
        let defined = Dictionary(definitions.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
        for (name, nodes) in extensions.sorted(by: { $0.value[0].loc.start < $1.value[0].loc.start }) {
            guard let definition = defined[name] else {
                let suggestions = didYouMean(suggestionList(name, definitions.map(\.name.value)))
                for node in nodes {
                    report("Cannot extend type \"\(name)\" because it is not defined." + suggestions, node.name.loc)
                }
                extensions[name] = nil
                continue
            }
            var kept: [TypeDefinitionNode] = []
            for node in nodes {
                if node.kindName == definition.kindName {
                    kept.append(node)
                } else {
                    report("Cannot extend non-\(node.kindName) type \"\(name)\".", definition.loc, node.loc)
                }
            }
            extensions[name] = kept
        }
    }
}

extension TypeDefinitionNode {
    /// The kind as graphql-js names it in messages: "object", "input object", ...
    var kindName: String {
        switch self {
        case .scalar: "scalar"
        case .object: "object"
        case .interface: "interface"
        case .union: "union"
        case .enum: "enum"
        case .inputObject: "input object"
        }
    }
}
