import APICore

/// The pointer paths a find includes (`include=contact.company,assignedTo`), as a tree: each
/// node a pointer field whose targets are loaded and put in place of the pointer, with the keys
/// asked of them (`keys=contact.name`).
struct IncludeTree {
    var children: [String: IncludeTree] = [:]
    /// Keys of the objects at this node; nil for all.
    var keys: [String]?

    /// Paths deeper than this, or more of them, are refused (102): each is a statement.
    static let maximumDepth = 6
    static let maximumPaths = 32

    var isEmpty: Bool { children.isEmpty }

    /// Adds a path (`["contact", "company"]`); `*` at a level includes every pointer field there.
    mutating func add(_ path: [String]) throws(ParseError) {
        guard path.count <= Self.maximumDepth else { throw .invalidQuery("include path is too deep.") }
        guard let first = path.first else { return }
        children[first, default: IncludeTree()].addRest(path.dropFirst())
        guard pathCount <= Self.maximumPaths else { throw .invalidQuery("Too many include paths.") }
    }

    private mutating func addRest(_ path: ArraySlice<String>) {
        guard let first = path.first else { return }
        children[first, default: IncludeTree()].addRest(path.dropFirst())
    }

    private var pathCount: Int { children.values.reduce(children.count) { $0 + $1.pathCount } }

    /// Hands dotted keys to the included objects they name: `contact.company.name` restricts the
    /// objects included at `contact` to `company` and those at `contact.company` to `name`.
    mutating func restrict(keys: [String]) throws(ParseError) {
        for key in keys where key.contains(".") {
            restrict(key.split(separator: ".").map(String.init)[...])
        }
    }

    private mutating func restrict(_ parts: ArraySlice<String>) {
        guard parts.count >= 2, let first = parts.first else { return }
        var child = children[first, default: IncludeTree()]
        child.keys = (child.keys ?? []) + [parts[parts.startIndex + 1]]
        child.restrict(parts.dropFirst())
        children[first] = child
    }
}
