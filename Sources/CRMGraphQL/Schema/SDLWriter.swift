/// Writes type-system definitions in graphql-js `printSchema` layout: two-space indentation,
/// one field per line, arguments on one line, a blank line between definitions.
struct SDLWriter {
    private(set) var text = ""

    /// A field or input field: `name(arguments): type`.
    struct Field {
        var name: String
        var type: String
        var arguments: [(name: String, type: String)] = []

        init(_ name: String, _ type: String, arguments: [(name: String, type: String)] = []) {
            self.name = name
            self.type = type
            self.arguments = arguments
        }

        var line: String {
            guard !arguments.isEmpty else { return "\(name): \(type)" }
            let list = arguments.map { "\($0.name): \($0.type)" }.joined(separator: ", ")
            return "\(name)(\(list)): \(type)"
        }
    }

    mutating func scalar(_ name: String) {
        definition("scalar \(name)")
    }

    mutating func object(_ name: String, implements interfaces: [String] = [], _ fields: [Field]) {
        let header = interfaces.isEmpty ? "type \(name)" : "type \(name) implements \(interfaces.joined(separator: " & "))"
        block(header, fields.map(\.line))
    }

    mutating func interface(_ name: String, _ fields: [Field]) {
        block("interface \(name)", fields.map(\.line))
    }

    mutating func input(_ name: String, _ fields: [Field]) {
        block("input \(name)", fields.map(\.line))
    }

    mutating func enumeration(_ name: String, _ values: [String]) {
        block("enum \(name)", values)
    }

    mutating func union(_ name: String, _ members: [String]) {
        definition("union \(name) = \(members.joined(separator: " | "))")
    }

    private mutating func block(_ header: String, _ lines: [String]) {
        definition(header + " {\n" + lines.map { "  " + $0 + "\n" }.joined() + "}")
    }

    private mutating func definition(_ body: String) {
        if !text.isEmpty { text += "\n" }
        text += body + "\n"
    }
}
