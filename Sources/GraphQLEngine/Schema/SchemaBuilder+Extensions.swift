// Type extensions (spec 3.4.3 "Type Extensions"): an extension must name a type the document
// defines, or the base schema has, of the same kind (graphql-js PossibleTypeExtensions).

extension SchemaBuilder {
    /// Reports extensions of unknown types and of types of another kind, and drops them, so
    /// that `extensions` holds only those the types can take.
    mutating func checkExtensions() {
        let defined = Dictionary(definitions.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
        for (name, nodes) in extensions.sorted(by: { $0.value[0].loc.start < $1.value[0].loc.start }) {
            guard let kind = defined[name]?.kindName ?? base?.type(named: name)?.kindName else {
                let known = definitions.map(\.name.value) + (base?.types.map(\.name) ?? [])
                let suggestions = didYouMean(suggestionList(name, known))
                for node in nodes {
                    report("Cannot extend type \"\(name)\" because it is not defined." + suggestions, node.name.loc)
                }
                extensions[name] = nil
                continue
            }
            var kept: [TypeDefinitionNode] = []
            for node in nodes {
                if node.kindName == kind {
                    kept.append(node)
                } else if let definition = defined[name] {
                    report("Cannot extend non-\(node.kindName) type \"\(name)\".", definition.loc, node.loc)
                } else {
                    report("Cannot extend non-\(node.kindName) type \"\(name)\".", node.loc)
                }
            }
            extensions[name] = kept
        }
    }

    /// The document's extensions of type `name` of one kind, with their source.
    func extensionNodes<Node: SDLSyntax>(of name: String) -> [SDLNode<Node>] {
        (extensions[name] ?? []).compactMap { $0.syntax as? Node }.map(sdl)
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

    /// The definition of whatever kind.
    var syntax: any SDLSyntax {
        switch self {
        case .scalar(let node): node
        case .object(let node): node
        case .interface(let node): node
        case .union(let node): node
        case .enum(let node): node
        case .inputObject(let node): node
        }
    }
}

extension NamedType {
    /// The kind as graphql-js names it in messages about extensions.
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
