extension Printer {
    static func schema(_ node: SchemaDefinitionNode, extending: Bool) -> String {
        describe(node.description, join([
            extending ? "extend schema" : "schema", directives(node.directives),
            block(node.operationTypes.map { $0.operation.rawValue + ": " + $0.type.name.value }),
        ], " "))
    }

    static func typeDefinition(_ node: TypeDefinitionNode, extending: Bool) -> String {
        let keyword: String
        let parts: [String]
        switch node {
        case .scalar(let scalar):
            keyword = "scalar"
            parts = [directives(scalar.directives)]
        case .object(let object):
            keyword = "type"
            parts = [implements(object.interfaces), directives(object.directives), block(object.fields.map(field))]
        case .interface(let interface):
            keyword = "interface"
            parts = [implements(interface.interfaces), directives(interface.directives), block(interface.fields.map(field))]
        case .union(let union):
            keyword = "union"
            parts = [directives(union.directives), wrap("= ", join(union.types.map(\.name.value), " | "))]
        case .enum(let enumeration):
            keyword = "enum"
            parts = [directives(enumeration.directives), block(enumeration.values.map {
                describe($0.description, join([$0.name.value, directives($0.directives)], " "))
            })]
        case .inputObject(let input):
            keyword = "input"
            parts = [directives(input.directives), block(input.fields.map(inputValue))]
        }
        let head = (extending ? "extend " : "") + keyword
        return describe(node.description, join([head, node.name.value] + parts, " "))
    }

    static func implements(_ interfaces: [NamedTypeNode]) -> String {
        wrap("implements ", join(interfaces.map(\.name.value), " & "))
    }

    static func field(_ node: FieldDefinitionNode) -> String {
        describe(node.description, node.name.value + argumentDefinitions(node.arguments) + ": " + type(node.type)
            + wrap(" ", directives(node.directives)))
    }

    /// Argument definitions on one line, or one per line when any of them spans lines.
    static func argumentDefinitions(_ nodes: [InputValueDefinitionNode]) -> String {
        let arguments = nodes.map(inputValue)
        if arguments.contains(where: { $0.contains("\n") }) {
            return wrap("(\n", indent(join(arguments, "\n")), "\n)")
        }
        return wrap("(", join(arguments, ", "), ")")
    }

    static func inputValue(_ node: InputValueDefinitionNode) -> String {
        describe(node.description, join([
            node.name.value + ": " + type(node.type), wrap("= ", node.defaultValue.map(value) ?? ""),
            directives(node.directives),
        ], " "))
    }

    static func directiveDefinition(_ node: DirectiveDefinitionNode) -> String {
        describe(node.description, "directive @" + node.name.value + argumentDefinitions(node.arguments)
            + (node.repeatable ? " repeatable" : "") + " on " + join(node.locations.map(\.value), " | "))
    }
}
