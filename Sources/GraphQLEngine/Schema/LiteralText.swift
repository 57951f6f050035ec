/// A literal in GraphQL syntax for error messages (graphql-js `print(valueNode)`).
func printLiteral(_ literal: ValueNode) -> String {
    switch literal {
    case .variable(let v): return "$" + v.name.value
    case .int(let text, _), .float(let text, _): return text
    case .string(let node): return quoteJSONString(node.value)
    case .boolean(let b, _): return b ? "true" : "false"
    case .null: return "null"
    case .enumValue(let name, _): return name
    case .list(let items, _): return "[" + items.map(printLiteral).joined(separator: ", ") + "]"
    case .object(let fields, _):
        if fields.isEmpty { return "{}" }
        return "{ " + fields.map { "\($0.name.value): \(printLiteral($0.value))" }.joined(separator: ", ") + " }"
    }
}
