/// Prepared statements of one connection, keyed by SQL text and parameter types.
final class StatementCache {
    struct Key: Hashable {
        let sql: String
        let types: [UInt32]
    }

    /// Beyond this many statements the cache is emptied (`DEALLOCATE ALL`), bounding server memory
    /// when callers generate many distinct statements.
    static let capacity = 500

    private var names: [Key: String] = [:]
    private var counter = 0

    func name(for key: Key) -> String? { names[key] }

    var isFull: Bool { names.count >= Self.capacity }

    /// Reserves a fresh statement name for `key`; call `store` once it is prepared.
    func nextName() -> String {
        counter += 1
        return "dg\(counter)"
    }

    func store(_ name: String, for key: Key) { names[key] = name }

    func remove(_ key: Key) { names[key] = nil }

    func removeAll() { names.removeAll() }
}
