import CRMStore
import Synchronization

/// The request's batched pointer loader (ARCHITECTURE.md "Batched pointer load"): one
/// `loadByIds` statement for all ids a field needs at one level, under the caller's ACL, with
/// a cache shared by every field of the request so an object already loaded with the needed
/// columns is not loaded again. Unreadable or missing objects are cached as absent.
final class ObjectLoader: Sendable {
    private struct Entry {
        /// The fields loaded; nil: all of them.
        var keys: Set<String>?
        var object: StoredObject?

        func covers(_ needed: Set<String>?) -> Bool {
            guard let keys else { return true }
            guard let needed else { return false }
            return needed.isSubset(of: keys)
        }
    }

    private let store: CRMStore
    private let access: AccessContext
    private let cache = Mutex<[String: [String: Entry]]>([:])

    init(store: CRMStore, access: AccessContext) {
        self.store = store
        self.access = access
    }

    /// One object (or nil) per id, in order; `keys` nil loads every field the caller may see.
    func load(className: String, ids: [String], keys: Set<String>?) async throws(StoreError) -> [StoredObject?] {
        let missing = cache.withLock { cache -> [String] in
            let known = cache[className] ?? [:]
            var seen = Set<String>()
            return ids.filter { known[$0]?.covers(keys) != true && seen.insert($0).inserted }
        }
        if !missing.isEmpty {
            let loaded = try await store.loadByIds(className: className, ids: missing, keys: keys.map { $0.sorted() },
                                                   context: access)
            cache.withLock { cache in
                for (id, object) in zip(missing, loaded) { cache[className, default: [:]][id] = Entry(keys: keys, object: object) }
            }
        }
        return cache.withLock { cache in ids.map { cache[className]?[$0]?.object } }
    }

    /// Remembers objects read by a list or a write, so pointers to them need no statement.
    func remember(_ objects: [StoredObject], keys: Set<String>?) {
        cache.withLock { cache in
            for object in objects where cache[object.className]?[object.objectId]?.covers(keys) != true {
                cache[object.className, default: [:]][object.objectId] = Entry(keys: keys, object: object)
            }
        }
    }
}
