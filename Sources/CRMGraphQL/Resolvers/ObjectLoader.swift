import APICore
import CRMStore
import GraphQLEngine
import Synchronization

/// The request's batched pointer loader (docs/ARCHITECTURE.md "Hard parts"): one
/// `loadByIds` statement under the caller's ACL for all ids the fields of one level need from
/// one class, with a cache shared by every field of the request.
///
/// - An object already loaded (or being loaded) with the needed columns is not loaded again;
///   unreadable or missing objects are cached as absent.
/// - Sibling pointer fields that target the same class (`createdBy` and `assignedTo`, or two
///   aliases of one pointer) are announced by the resolver that produced their parents
///   (``announce(_:selection:api:model:)``): the first of them to run loads the ids of all of
///   them in one statement, the others find them loaded or in flight.
final class ObjectLoader: Sendable {
    private struct Entry {
        /// The fields loaded; nil: all of them.
        var keys: FieldKeys?
        var object: StoredObject?
    }

    private struct Pending {
        var keys: FieldKeys?
        var task: Task<Void, any Error>
        /// The read queued in a live event's round, when the load waits on one.
        var read: LiveRound.Read?
    }

    /// Objects read by lists, indexed only when a pointer load of their class needs them: most
    /// listed objects are never pointed at again in the same request.
    private struct Remembered {
        var objects: [StoredObject]
        var keys: FieldKeys?
    }

    /// The ids and columns all sibling fields of one class will need.
    private struct Group {
        let className: String
        let ids: [String]
        let keys: Set<String>
    }

    private struct State {
        var cache: [String: [String: Entry]] = [:]
        var unindexed: [String: [Remembered]] = [:]
        var pending: [String: [String: Pending]] = [:]
        var groups: [ObjectIdentifier: Group] = [:]
    }

    private let reads: SharedReads
    private let state = Mutex(State())

    init(reads: SharedReads) {
        self.reads = reads
    }

    private static func covers(_ loaded: FieldKeys?, _ needed: FieldKeys?) -> Bool {
        guard let loaded else { return true }
        guard let needed else { return false }
        return loaded.covers(needed)
    }

    /// One object (or nil) per id, in order; `keys` nil loads every field the caller may see.
    /// `plan` is the pointer field asking, so that an announced group is loaded as one.
    func load(className: String, ids: [String], keys: Set<String>?, for plan: FieldPlan? = nil) async throws -> [StoredObject?] {
        if let plan, let group = state.withLock({ $0.groups[ObjectIdentifier(plan)] }), group.className == className {
            try await fetch(className: className, ids: group.ids, keys: FieldKeys(group.keys))
        }
        try await fetch(className: className, ids: ids, keys: keys.map(FieldKeys.init))
        return state.withLock { state in ids.map { state.cache[className]?[$0]?.object } }
    }

    /// Makes sure the ids are cached with the keys: waits for loads in flight that cover them and
    /// starts one statement for the rest.
    private func fetch(className: String, ids: [String], keys: FieldKeys?) async throws {
        let (waits, queued) = state.withLock { state -> ([Task<Void, any Error>], [LiveRound.Read]) in
            Self.index(className, in: &state)
            var tasks: [Task<Void, any Error>] = []
            var queued: [LiveRound.Read] = []
            var missing: [String] = []
            var seen = Set<String>()
            for id in ids where seen.insert(id).inserted {
                if let entry = state.cache[className]?[id], Self.covers(entry.keys, keys) { continue }
                if let pending = state.pending[className]?[id], Self.covers(pending.keys, keys) {
                    tasks.append(pending.task)
                    if let read = pending.read { queued.append(read) }
                    continue
                }
                missing.append(id)
            }
            guard !missing.isEmpty else { return (tasks, queued) }
            // In a live event the read is queued in the round now, before this resolver counts as waiting.
            let read = reads.ticket?.submit(className: className, ids: missing, keys: keys?.names, context: reads.access)
            let task = Task<Void, any Error>(executorPreference: reads.store.readingExecutor) {
                try await self.loadMissing(className: className, ids: missing, keys: keys, from: read)
            }
            for id in missing { state.pending[className, default: [:]][id] = Pending(keys: keys, task: task, read: read) }
            tasks.append(task)
            if let read { queued.append(read) }
            return (tasks, queued)
        }
        guard !waits.isEmpty else { return }
        try await reads.wait(for: queued) { () async throws in
            for task in waits { try await task.value }
        }
    }

    /// One statement for ids neither cached nor in flight (or their part of a live event's shared
    /// read); settles their pending entries.
    private func loadMissing(className: String, ids: [String], keys: FieldKeys?, from read: LiveRound.Read?) async throws {
        do {
            let loaded = if let read {
                try await read.objects(ids)
            } else {
                try await reads.loadByIds(className: className, ids: ids, keys: keys?.names)
            }
            state.withLock { state in
                for (id, object) in zip(ids, loaded) {
                    state.cache[className, default: [:]][id] = Entry(keys: keys, object: object)
                    state.pending[className]?[id] = nil
                }
            }
        } catch {
            state.withLock { state in for id in ids { state.pending[className]?[id] = nil } }
            throw error
        }
    }

    /// Remembers objects read by a list or a write, so pointers to them need no statement.
    func remember(_ objects: [StoredObject], keys: Set<String>?) {
        guard let className = objects.first?.className else { return }
        let keys = keys.map(FieldKeys.init)
        let lists = objects.allSatisfy({ $0.className == className })
            ? [className: objects] : Dictionary(grouping: objects, by: \.className)
        state.withLock { state in
            for (className, objects) in lists {
                state.unindexed[className, default: []].append(Remembered(objects: objects, keys: keys))
            }
        }
    }

    /// Moves the remembered objects of a class into the cache, keeping entries that have more keys.
    private static func index(_ className: String, in state: inout State) {
        guard let lists = state.unindexed.removeValue(forKey: className) else { return }
        var cache = state.cache.removeValue(forKey: className) ?? [:]
        for list in lists {
            for object in list.objects {
                if let entry = cache[object.objectId], covers(entry.keys, list.keys) { continue }
                cache[object.objectId] = Entry(keys: list.keys, object: object)
            }
        }
        state.cache[className] = cache
    }

    /// Called by a resolver that returns objects of `api` with the fields selected on them: when
    /// several selected pointer fields target one class, their ids form one group, loaded by one
    /// statement on the next level.
    func announce(_ objects: [StoredObject], selection: [FieldPlan], api: APIClass, model: APIModel, schema: GraphQLSchema) {
        var plansByClass: [String: [FieldPlan]] = [:]
        for plan in selection {
            guard let field = api.definition.field(plan.definition.name), field.type == .pointer, !field.isPolymorphic else { continue }
            plansByClass[field.targetClasses[0], default: []].append(plan)
        }
        var groups: [ObjectIdentifier: Group] = [:]
        for (className, plans) in plansByClass where plans.count > 1 {
            guard let target = model.apiClass(className: className) else { continue }
            var ids: [String] = []
            var keys = Set<String>()
            for plan in plans {
                keys.formUnion(Lookahead.keys(below: plan, api: target, schema: schema))
                for object in objects {
                    if case .pointer(_, let id)? = object[plan.definition.name] { ids.append(id) }
                }
            }
            let group = Group(className: className, ids: ids, keys: keys)
            for plan in plans { groups[ObjectIdentifier(plan)] = group }
        }
        guard !groups.isEmpty else { return }
        state.withLock { $0.groups.merge(groups) { _, new in new } }
    }
}

/// The field names a load asked for, sorted and unique: a few names, compared without hashing.
struct FieldKeys: Sendable {
    let names: [String]

    init(_ keys: Set<String>) {
        names = keys.sorted()
    }

    /// Whether every name of `needed` is here.
    func covers(_ needed: FieldKeys) -> Bool {
        needed.names.count <= names.count && needed.names.allSatisfy { names.contains($0) }
    }
}
