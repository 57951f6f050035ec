import APICore
import CRMStore
import GraphQLEngine

/// The parameters of a find (`GET /classes/<class>`) or a get (`GET /classes/<class>/<id>`), as
/// Parse reads them: `where`, `order` (comma list, `-` for descending), `limit` (the configured
/// default, capped by the maximum), `skip`, `keys`, `excludeKeys`, `include` (dotted paths, `*`),
/// `includeAll`, `count`. Any other parameter is 102, as Parse answers.
struct FindOptions {
    var filter: GraphQLValue?
    var order: [SortKey] = []
    var limit: Int
    var skip = 0
    /// Top-level keys to return; nil for all. Dotted keys restrict included objects.
    var keys: [String]?
    var excludeKeys: Set<String> = []
    var includes = IncludeTree()
    var count = false

    enum Kind {
        case find, get
    }

    /// Parameters accepted and ignored: hints for MongoDB or Parse's own tooling.
    private static let ignored: Set<String> = [
        "readPreference", "includeReadPreference", "subqueryReadPreference", "hint", "comment", "redirectClassNameForKey",
    ]
    private static let findParameters: Set<String> = [
        "where", "order", "limit", "skip", "keys", "excludeKeys", "include", "includeAll", "count",
    ]
    private static let getParameters: Set<String> = ["keys", "excludeKeys", "include", "includeAll"]

    init(_ parameters: Record, kind: Kind, defaultLimit: Int, maxLimit: Int) throws(ParseError) {
        limit = defaultLimit
        let allowed = kind == .find ? Self.findParameters : Self.getParameters
        var includePaths: [String] = []
        for (name, value) in parameters.fields {
            if Self.ignored.contains(name) { continue }
            guard allowed.contains(name) else {
                throw kind == .find ? .invalidQuery("Invalid parameter for query: \(name)")
                    : .invalidQuery("Improper encode of parameter")
            }
            switch name {
            case "where":
                filter = try Self.whereValue(value)
            case "order":
                order = try Self.list(value, name).map { key in
                    key.hasPrefix("-") ? SortKey(String(key.dropFirst()), descending: true) : SortKey(key)
                }
                order.removeAll { $0.field == "$score" }
            case "limit":
                limit = min(try Self.integer(value, name), maxLimit)
            case "skip":
                skip = try Self.integer(value, name)
            case "keys":
                keys = try Self.list(value, name)
            case "excludeKeys":
                excludeKeys = Set(try Self.list(value, name))
            case "include":
                includePaths += try Self.list(value, name)
            case "includeAll":
                if value.boolValue ?? (value.stringValue == "true" || value.intValue == 1) { includePaths.append("*") }
            case "count":
                count = value.boolValue ?? (value.intValue.map { $0 != 0 } ?? (value.stringValue == "1" || value.stringValue == "true"))
            default:
                break
            }
        }
        guard limit >= 0, skip >= 0 else { throw .invalidQuery("limit and skip must not be negative.") }
        // Dotted keys name fields of included objects, and include them (Parse adds the paths).
        if let keys {
            for key in keys where key.contains(".") {
                includePaths.append(String(key[..<key.lastIndex(of: ".")!]))
            }
        }
        for path in includePaths where !path.isEmpty {
            try includes.add(path.split(separator: ".").map(String.init))
        }
        if let keys { try includes.restrict(keys: keys) }
    }

    /// The keys to read of a class: `keys` (a dotted key reads its first field, the pointer it
    /// includes) without `excludeKeys`; nil for all.
    func storeKeys(_ definition: ClassDefinition) -> [String]? {
        Self.keys(keys.map { Self.topLevel($0) }, excluding: excludeKeys, definition)
    }

    /// `contact.name` -> `contact`; each name once.
    static func topLevel(_ keys: [String]) -> [String] {
        var seen: Set<String> = []
        return keys.compactMap { key in
            let first = String(key.split(separator: ".", omittingEmptySubsequences: false).first ?? "")
            return seen.insert(first).inserted ? first : nil
        }
    }

    static func keys(_ keys: [String]?, excluding: Set<String>, _ definition: ClassDefinition) -> [String]? {
        if keys == nil && excluding.isEmpty { return nil }
        // Names the class does not have are ignored, as Parse does; pointer fields that an
        // include needs stay selected.
        let names = keys ?? definition.readableFields.map(\.name)
        return names.filter { definition.field($0) != nil && !excluding.contains($0) }
    }

    /// `where` is a JSON object, or JSON text of one (query strings).
    private static func whereValue(_ value: GraphQLValue) throws(ParseError) -> GraphQLValue {
        if case .string(let text) = value {
            guard let parsed = try? JSONReader.parse(text.utf8, maxDepth: ParseValue.maximumJSONDepth) else {
                throw .invalidJSON("Invalid JSON in where.")
            }
            return parsed
        }
        guard case .object = value else { throw .invalidQuery("where must be a JSON object.") }
        return value
    }

    /// A comma list (`"a,b"`) or a JSON array of names.
    private static func list(_ value: GraphQLValue, _ name: String) throws(ParseError) -> [String] {
        switch value {
        case .string(let text):
            return text.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        case .list(let items):
            var names: [String] = []
            for item in items {
                guard let text = item.stringValue else { throw .invalidQuery("Invalid value for \(name).") }
                names.append(text)
            }
            return names
        default:
            throw .invalidQuery("Invalid value for \(name).")
        }
    }

    private static func integer(_ value: GraphQLValue, _ name: String) throws(ParseError) -> Int {
        switch value {
        case .int(let number): return number
        case .float(let number) where number.rounded() == number && abs(number) < 1e15: return Int(number)
        case .string(let text): if let number = Int(text) { return number }
        default: break
        }
        throw .invalidQuery("Invalid value for \(name).")
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}

extension ParseError {
    static func invalidJSON(_ message: String) -> ParseError { ParseError(.invalidJSON, message) }
}
