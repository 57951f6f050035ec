/// Prints an AST back to GraphQL text in graphql-js's `print` format: two-space indentation, one
/// selection per line, definitions separated by a blank line, descriptions above what they
/// describe. `parse(print(document)) == document` for every parsed document.
public func print(_ document: DocumentNode) -> String {
    Printer.join(document.definitions.map(Printer.definition), "\n\n")
}

/// Prints a single value, e.g. an argument's, as it would appear in a document.
public func print(_ value: ValueNode) -> String { Printer.value(value) }

/// Prints a type reference such as `[String!]!`.
public func print(_ type: TypeNode) -> String { Printer.type(type) }

/// The printing rules, one function per node kind. Each returns the node's text with nested
/// lines unindented; `block` and `indent` add indentation as nodes nest, as graphql-js does.
enum Printer {
    static let maxLineLength = 80

    static func definition(_ definition: DefinitionNode) -> String {
        switch definition {
        case .operation(let node): operation(node)
        case .fragment(let node): fragment(node)
        case .schema(let node): schema(node, extending: false)
        case .schemaExtension(let node): schema(node, extending: true)
        case .type(let node): typeDefinition(node, extending: false)
        case .typeExtension(let node): typeDefinition(node, extending: true)
        case .directive(let node): directiveDefinition(node)
        }
    }

    // MARK: Executable definitions

    static func operation(_ node: OperationDefinitionNode) -> String {
        let variables = wrap("(", join(node.variableDefinitions.map(variableDefinition), ", "), ")")
        let prefix = join([
            node.operation.rawValue,
            join([node.name?.value ?? "", variables], ""),
            directives(node.directives),
        ], " ")
        // Anonymous queries with no directives or variables use the shorthand form.
        let body = (prefix == "query" && node.description == nil ? "" : prefix + " ") + selectionSet(node.selectionSet)
        return describe(node.description, body)
    }

    static func variableDefinition(_ node: VariableDefinitionNode) -> String {
        wrap("", node.description.map(stringValue) ?? "", " ") + "$" + node.variable.name.value + ": " + type(node.type)
            + wrap(" = ", node.defaultValue.map(value) ?? "") + wrap(" ", directives(node.directives))
    }

    static func selectionSet(_ node: SelectionSetNode) -> String {
        block(node.selections.map(selection))
    }

    static func selection(_ node: SelectionNode) -> String {
        switch node {
        case .field(let field):
            let prefix = wrap("", field.alias?.value ?? "", ": ") + field.name.value
            let arguments = field.arguments.map(argument)
            var line = prefix + wrap("(", join(arguments, ", "), ")")
            if line.utf16.count > maxLineLength {
                line = prefix + wrap("(\n", indent(join(arguments, "\n")), "\n)")
            }
            return join([line, directives(field.directives), field.selectionSet.map(selectionSet) ?? ""], " ")
        case .fragmentSpread(let spread):
            return "..." + spread.name.value + wrap(" ", directives(spread.directives))
        case .inlineFragment(let fragment):
            return join([
                "...", wrap("on ", fragment.typeCondition?.name.value ?? ""), directives(fragment.directives),
                selectionSet(fragment.selectionSet),
            ], " ")
        }
    }

    static func fragment(_ node: FragmentDefinitionNode) -> String {
        describe(
            node.description,
            "fragment \(node.name.value) on \(node.typeCondition.name.value) "
                + wrap("", directives(node.directives), " ") + selectionSet(node.selectionSet))
    }

    static func argument(_ node: ArgumentNode) -> String {
        node.name.value + ": " + value(node.value)
    }

    static func directives(_ nodes: [DirectiveNode]) -> String {
        join(nodes.map { "@" + $0.name.value + wrap("(", join($0.arguments.map(argument), ", "), ")") }, " ")
    }

    // MARK: Values and types

    static func value(_ node: ValueNode) -> String {
        switch node {
        case .variable(let variable): "$" + variable.name.value
        case .int(let text, _), .float(let text, _), .enumValue(let text, _): text
        case .string(let string): stringValue(string)
        case .boolean(let flag, _): flag ? "true" : "false"
        case .null: "null"
        case .list(let values, _): "[" + join(values.map(value), ", ") + "]"
        case .object(let fields, _): "{" + join(fields.map { $0.name.value + ": " + value($0.value) }, ", ") + "}"
        }
    }

    static func stringValue(_ node: StringValueNode) -> String {
        node.block ? BlockString.print(node.value) : quoted(node.value)
    }

    /// A quoted string literal, escaping `"`, `\` and control characters as graphql-js's
    /// printString does.
    static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x22: result += "\\\""
            case 0x5C: result += "\\\\"
            case 0x08: result += "\\b"
            case 0x09: result += "\\t"
            case 0x0A: result += "\\n"
            case 0x0C: result += "\\f"
            case 0x0D: result += "\\r"
            case 0x00...0x1F, 0x7F...0x9F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    static func type(_ node: TypeNode) -> String {
        switch node {
        case .named(let named): named.name.value
        case .list(let inner, _): "[" + type(inner) + "]"
        case .nonNull(let inner, _): type(inner) + "!"
        }
    }

    // MARK: Layout helpers (graphql-js's join, wrap, block, indent)

    /// Joins the non-empty parts with `separator`.
    static func join(_ parts: [String], _ separator: String) -> String {
        parts.filter { !$0.isEmpty }.joined(separator: separator)
    }

    /// `start + text + end`, or nothing when `text` is empty.
    static func wrap(_ start: String, _ text: String, _ end: String = "") -> String {
        text.isEmpty ? "" : start + text + end
    }

    /// `{`, the items one per line and indented, `}`.
    static func block(_ items: [String]) -> String {
        wrap("{\n", indent(join(items, "\n")), "\n}")
    }

    /// Indents every line of `text` by two spaces.
    static func indent(_ text: String) -> String {
        wrap("  ", text.replacing("\n", with: "\n  "))
    }

    /// A description on its own line above `text`.
    static func describe(_ description: StringValueNode?, _ text: String) -> String {
        wrap("", description.map(stringValue) ?? "", "\n") + text
    }
}
