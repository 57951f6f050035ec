import APICore
import CRMStore
import GraphQLEngine

enum OrderInput {
    static func sortKeys(_ value: GraphQLValue?) throws -> [SortKey] {
        guard let items = value?.listValue else { return [] }
        return try items.map { item in
            guard let name = item.stringValue, let underscore = name.lastIndex(of: "_") else {
                throw ParseError.invalidQuery("Invalid order.")
            }
            let field = String(name[..<underscore])
            return SortKey(field == "id" ? "objectId" : field, descending: name[underscore...] == "_DESC")
        }
    }
}
