import Synchronization

/// A bounded map that forgets the least recently used entry when full; safe to share between
/// tasks (one lock around each operation, which only touches a few array slots).
public final class LRUCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Storage {
        var index: [Key: Int] = [:]
        var keys: [Key?] = []
        var values: [Value?] = []
        var previous: [Int] = []
        var next: [Int] = []
        /// Most recently used entry, or -1.
        var head = -1
        /// Least recently used entry, or -1.
        var tail = -1

        mutating func unlink(_ slot: Int) {
            let p = previous[slot], n = next[slot]
            if p >= 0 { next[p] = n } else { head = n }
            if n >= 0 { previous[n] = p } else { tail = p }
        }

        mutating func pushFront(_ slot: Int) {
            previous[slot] = -1
            next[slot] = head
            if head >= 0 { previous[head] = slot }
            head = slot
            if tail < 0 { tail = slot }
        }
    }

    /// The most entries kept.
    let capacity: Int
    private let storage = Mutex(Storage())

    /// A cache that keeps at most `capacity` entries.
    public init(capacity: Int) {
        precondition(capacity > 0, "an LRU cache needs room for one entry")
        self.capacity = capacity
    }

    /// The value for `key`, now the most recently used.
    public func value(for key: Key) -> Value? {
        storage.withLock { storage in
            guard let slot = storage.index[key] else { return nil }
            if storage.head != slot {
                storage.unlink(slot)
                storage.pushFront(slot)
            }
            return storage.values[slot]
        }
    }

    /// Stores `value` for `key`, evicting the least recently used entry when full.
    public func insert(_ value: Value, for key: Key) {
        storage.withLock { storage in
            if let slot = storage.index[key] {
                storage.values[slot] = value
                storage.unlink(slot)
                storage.pushFront(slot)
                return
            }
            let slot: Int
            if storage.keys.count < capacity {
                slot = storage.keys.count
                storage.keys.append(key)
                storage.values.append(value)
                storage.previous.append(-1)
                storage.next.append(-1)
            } else {
                slot = storage.tail
                storage.unlink(slot)
                if let old = storage.keys[slot] { storage.index[old] = nil }
                storage.keys[slot] = key
                storage.values[slot] = value
            }
            storage.index[key] = slot
            storage.pushFront(slot)
        }
    }

    /// The number of entries.
    public var count: Int { storage.withLock { $0.index.count } }
}
