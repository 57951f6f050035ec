/// graphql-js's `inspect`: a short, JavaScript-looking rendering of a value for error messages,
/// e.g. `"abc"`, `1.5`, `[1, 2]`, `{ a: true }`.
func inspect(_ value: GraphQLValue) -> String {
    inspect(value, depth: 0)
}

private let maxInspectDepth = 2
private let maxInspectItems = 10

private func inspect(_ value: GraphQLValue, depth: Int) -> String {
    switch value {
    case .null: return "null"
    case .boolean(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .float(let d): return JavaScriptNumber.format(d)
    case .string(let s): return quoteJSONString(s)
    case .host(let object): return "[object \(type(of: object))]"
    case .list(let items):
        if items.isEmpty { return "[]" }
        if depth >= maxInspectDepth { return "[Array]" }
        var parts = items.prefix(maxInspectItems).map { inspect($0, depth: depth + 1) }
        if items.count > maxInspectItems {
            let rest = items.count - maxInspectItems
            parts.append("... \(rest) more item\(rest == 1 ? "" : "s")")
        }
        return "[" + parts.joined(separator: ", ") + "]"
    case .object(let record):
        if record.values.isEmpty { return "{}" }
        if depth >= maxInspectDepth { return "[Object]" }
        let parts = record.fields.map { name, value in "\(name): \(inspect(value, depth: depth + 1))" }
        return "{ " + parts.joined(separator: ", ") + " }"
    }
}

/// A string as a JSON string literal (JSON.stringify's escaping).
func quoteJSONString(_ s: String) -> String {
    var writer = ResponseWriter(capacity: s.utf8.count + 2)
    writer.writeString(s)
    return writer.finishString()
}
