import APICore
import CRMStore

/// Where the object reads of one execution go: to the store under the caller's access, or, for a
/// live event, into the change's ``LiveRound``, which reads them together with the same reads of
/// every other subscriber the change reached.
struct SharedReads: Sendable {
    let store: CRMStore
    let access: AccessContext
    let ticket: LiveRound.Ticket?

    /// Straight from the store: in a live event, ``ObjectLoader`` queues its pointer loads in the
    /// round itself, while it holds its lock, so that loads it shares between fields are queued
    /// before any of them counts as waiting.
    func loadByIds(className: String, ids: [String], keys: [String]?) async throws(StoreError) -> [StoredObject?] {
        try await store.loadByIds(className: className, ids: ids, keys: keys, context: access)
    }

    func loadReverse(className: String, pointerField: String, parentIds: [String], parentClassName: String?,
                     where clause: WhereClause?, order: [SortKey], skip: Int, limit: Int,
                     keys: [String]?) async throws(StoreError) -> [[StoredObject]] {
        if let ticket {
            let connection = LiveRound.Connection(className: className, pointerField: pointerField, parentClassName: parentClassName,
                                                  where: clause, order: order, skip: skip, limit: limit)
            let read = ticket.submit(connection, parentIds: parentIds, keys: keys, context: access)
            return try await wait(for: [read]) { () async throws(StoreError) in try await read.lists(parentIds) }
        }
        return try await store.loadReverse(className: className, pointerField: pointerField, parentIds: parentIds,
                                           parentClassName: parentClassName, where: clause, order: order, skip: skip,
                                           limit: limit, keys: keys, context: access)
    }

    func countReverse(className: String, pointerField: String, parentIds: [String], parentClassName: String?,
                      where clause: WhereClause?) async throws(StoreError) -> [Int] {
        if let ticket {
            let connection = LiveRound.Connection(className: className, pointerField: pointerField, parentClassName: parentClassName,
                                                  where: clause, order: [], skip: 0, limit: 0)
            let read = ticket.submitCount(connection, parentIds: parentIds, context: access)
            return try await wait(for: [read]) { () async throws(StoreError) in try await read.counts(parentIds) }
        }
        return try await store.countReverse(className: className, pointerField: pointerField, parentIds: parentIds,
                                            parentClassName: parentClassName, where: clause, context: access)
    }

    /// Waits for reads queued in the round, counted as waiting on it.
    func wait<T, E: Error>(for reads: [LiveRound.Read], _ body: () async throws(E) -> T) async throws(E) -> T {
        guard let ticket else { return try await body() }
        return try await ticket.waiting(on: reads, body)
    }
}
