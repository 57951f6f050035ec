/// A per-request loader that batches, deduplicates and caches lookups by key, so that different
/// fields of one request share loads (a contact needed by `deal.contact` and by
/// `activity.contact` is fetched once).
///
/// The breadth-first executor already hands a resolver every parent of a level, so a loader needs
/// no timer: a resolver calls ``load(_:)`` with all its keys and gets the values back in key
/// order. Keys already loaded or in flight are not fetched again; the rest go to the batch
/// function in chunks of at most `maxBatchSize`.
///
/// Create one loader per request (it caches without bound, for the request's lifetime).
public actor DataLoader<Key: Hashable & Sendable, Value: Sendable> {
    /// Loads values for distinct keys; returns one value per key, in key order.
    public typealias BatchLoad = @Sendable ([Key]) async throws -> [Value]

    private let batchLoad: BatchLoad
    private let maxBatchSize: Int
    private var cache: [Key: Value] = [:]
    private var inFlight: [Key: (task: Task<[Value], any Error>, position: Int)] = [:]

    /// A loader; `maxBatchSize` caps the keys per call of `batchLoad` (nil: no cap).
    public init(maxBatchSize: Int? = nil, batchLoad: @escaping BatchLoad) {
        self.batchLoad = batchLoad
        self.maxBatchSize = max(1, maxBatchSize ?? .max)
    }

    /// The values of `keys`, in order; duplicate keys get the same value.
    public func load(_ keys: [Key]) async throws -> [Value] {
        var missing: [Key] = []
        var seen: Set<Key> = []
        for key in keys where cache[key] == nil && inFlight[key] == nil && seen.insert(key).inserted {
            missing.append(key)
        }
        var start = 0
        while start < missing.count {
            let chunk = Array(missing[start..<min(missing.count, start + maxBatchSize)])
            start += chunk.count
            let batchLoad = self.batchLoad
            let task = Task<[Value], any Error> {
                let values = try await batchLoad(chunk)
                guard values.count == chunk.count else {
                    throw DataLoaderError(message: "The batch function returned \(values.count) values for \(chunk.count) keys.")
                }
                return values
            }
            for (position, key) in chunk.enumerated() { inFlight[key] = (task, position) }
        }
        var values: [Value] = []
        values.reserveCapacity(keys.count)
        for key in keys {
            values.append(try await value(for: key))
        }
        return values
    }

    /// The value of one key.
    public func load(_ key: Key) async throws -> Value {
        try await load([key])[0]
    }

    /// Puts a value into the cache (a row already read by another statement, say).
    public func prime(_ key: Key, _ value: Value) {
        if cache[key] == nil && inFlight[key] == nil { cache[key] = value }
    }

    /// Forgets the cached value of `key`.
    public func clear(_ key: Key) {
        cache[key] = nil
    }

    private func value(for key: Key) async throws -> Value {
        if let cached = cache[key] { return cached }
        guard let (task, position) = inFlight[key] else {
            // Cleared while waiting for another key: load it again.
            return try await load(key)
        }
        do {
            let values = try await task.value
            // Another caller may have settled the key while this one waited.
            if inFlight[key]?.task == task { inFlight[key] = nil }
            if cache[key] == nil { cache[key] = values[position] }
            return values[position]
        } catch {
            if inFlight[key]?.task == task { inFlight[key] = nil }
            throw error
        }
    }
}

/// The batch function broke the loader's contract.
public struct DataLoaderError: Error, CustomStringConvertible {
    /// What went wrong.
    public let message: String
    public var description: String { message }
}
