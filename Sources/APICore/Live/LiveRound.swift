import CRMStore
import Synchronization

/// The reads of one change's deliveries, shared by every subscriber that resolves a selection on
/// it (GraphQL subscriptions: `node { contact { company { name } } }`): each subscriber's
/// execution runs with its own access and its own loader, but the reads those loaders need are
/// queued here and run as one shared statement per class and shape for all subscribers
/// (``CRMStore/loadByIds(className:ids:keys:contexts:)``: one row per caller that may read it).
///
/// A barrier decides when. The round knows its participants (one ``Ticket`` per delivery, all
/// made before any is delivered) and how many resolvers of each are running (the executor
/// reports them level by level). It runs the queue once every participant still executing is
/// quiescent: each of its running resolvers waits on a read still queued. A participant whose
/// delivery was executed or dropped releases its ticket and stops counting. So identical
/// selections read one statement per level and class, however many subscribers the event
/// reached; different ones share what they can. `maximumWait` bounds the wait should a
/// participant stall without releasing its ticket.
public final class LiveRound: Sendable {
    /// A participant's share in the round; released when its delivery is done with.
    public final class Ticket: Sendable {
        let round: LiveRound
        let id: Int

        fileprivate init(round: LiveRound, id: Int) {
            self.round = round
            self.id = id
        }

        deinit { round.leave(id) }

        /// The executor starts `count` resolvers of a level.
        public func resolversStarted(_ count: Int) { round.started(id, count) }

        /// One of them returned.
        public func resolverFinished() { round.finished(id) }

        /// Queues a pointer load (``CRMStore/loadByIds(className:ids:keys:context:)``): in the round's
        /// next statement for the class once this returns.
        public func submit(className: String, ids: [String], keys: [String]?, context: AccessContext) -> Read {
            round.submit(Read(.objects(className: className), ids: ids, keys: keys, context: context))
        }

        /// Queues a page of a reverse connection for each parent.
        public func submit(_ connection: Connection, parentIds: [String], keys: [String]?, context: AccessContext) -> Read {
            round.submit(Read(.reverse(connection), ids: parentIds, keys: keys, context: context))
        }

        /// Queues the count of a reverse connection for each parent (`connection` without order or page).
        public func submitCount(_ connection: Connection, parentIds: [String], context: AccessContext) -> Read {
            round.submit(Read(.count(connection), ids: parentIds, keys: [], context: context))
        }

        /// Runs `body`, which waits for `reads`, with the calling resolver counted as waiting on
        /// the round while one of them is still queued.
        public func waiting<T, E: Error>(on reads: [Read], _ body: () async throws(E) -> T) async throws(E) -> T {
            let registered = round.block(id, on: reads)
            defer { if let registered { round.unblock(id, from: registered) } }
            return try await body()
        }
    }

    /// A reverse connection's page (or count) as every participant asking for it shares it.
    public struct Connection: Hashable, Sendable {
        let className: String
        let pointerField: String
        let parentClassName: String?
        let clause: WhereClause?
        let order: [SortKey]
        let skip: Int
        let limit: Int

        public init(className: String, pointerField: String, parentClassName: String?, where clause: WhereClause?,
                    order: [SortKey], skip: Int, limit: Int) {
            self.className = className
            self.pointerField = pointerField
            self.parentClassName = parentClassName
            self.clause = clause
            self.order = order
            self.skip = skip
            self.limit = limit
        }
    }

    /// What reads are merged into one statement by: their ids and keys are united.
    fileprivate enum Shape: Hashable {
        case objects(className: String)
        case reverse(Connection)
        case count(Connection)
    }

    fileprivate enum Found: Sendable {
        case objects([String: StoredObject])
        case lists([String: [StoredObject]])
        case counts([String: Int])
    }

    /// One queued read and, once the round ran it, its caller's part of the answer.
    public final class Read: Sendable {
        fileprivate let shape: Shape
        fileprivate let ids: [String]
        fileprivate let keys: [String]?
        fileprivate let context: AccessContext
        private let state = Mutex<(answer: SharedResult<Found>?, waiting: [CheckedContinuation<SharedResult<Found>, Never>])>((nil, []))

        fileprivate init(_ shape: Shape, ids: [String], keys: [String]?, context: AccessContext) {
            self.shape = shape
            self.ids = ids
            self.keys = keys
            self.context = context
        }

        fileprivate func answer(_ result: SharedResult<Found>) {
            let waiting = state.withLock { state in
                state.answer = result
                defer { state.waiting = [] }
                return state.waiting
            }
            for continuation in waiting { continuation.resume(returning: result) }
        }

        private func found() async throws(StoreError) -> Found {
            let result = await withCheckedContinuation { (continuation: CheckedContinuation<SharedResult<Found>, Never>) in
                let answer = state.withLock { state in
                    if state.answer == nil { state.waiting.append(continuation) }
                    return state.answer
                }
                if let answer { continuation.resume(returning: answer) }
            }
            return try result.get()
        }

        /// The objects of `ids` the caller may read, nil for the others.
        public func objects(_ ids: [String]) async throws(StoreError) -> [StoredObject?] {
            guard case .objects(let byId) = try await found() else { return ids.map { _ in nil } }
            return ids.map { byId[$0] }
        }

        /// Each parent's page.
        public func lists(_ parentIds: [String]) async throws(StoreError) -> [[StoredObject]] {
            guard case .lists(let byParent) = try await found() else { return parentIds.map { _ in [] } }
            return parentIds.map { byParent[$0] ?? [] }
        }

        /// Each parent's count.
        public func counts(_ parentIds: [String]) async throws(StoreError) -> [Int] {
            guard case .counts(let byParent) = try await found() else { return parentIds.map { _ in 0 } }
            return parentIds.map { byParent[$0] ?? 0 }
        }
    }

    private struct State {
        var live: Set<Int> = []
        var nextId = 0
        /// Resolvers running, per participant.
        var active: [Int: Int] = [:]
        /// Resolvers waiting on a queued read, per participant.
        var blocked: [Int: Int] = [:]
        var queue: [Read] = []
        /// For each queued read, the resolvers waiting on it, per participant.
        var waits: [ObjectIdentifier: [Int: Int]] = [:]
        /// Counts the batches run, so that a bound started for one batch does not run the next early.
        var generation = 0
        /// The bound of the queued batch (``maximumWait``), cancelled when the batch runs sooner.
        var timer: Task<Void, Never>?

        func quiescent(_ participant: Int) -> Bool {
            let running = active[participant, default: 0]
            return running > 0 && blocked[participant, default: 0] >= running
        }

        /// The queue, when every live participant is quiescent.
        mutating func takeIfReady() -> [Read]? {
            guard !queue.isEmpty, live.allSatisfy(quiescent) else { return nil }
            return take()
        }

        mutating func take() -> [Read] {
            let batch = queue
            for read in batch {
                for (participant, count) in waits.removeValue(forKey: ObjectIdentifier(read)) ?? [:] {
                    blocked[participant, default: 0] -= count
                }
            }
            queue = []
            generation += 1
            timer?.cancel()
            timer = nil
            return batch
        }
    }

    private let store: CRMStore
    private let maximumWait: Duration
    private let state = Mutex(State())

    public init(store: CRMStore, maximumWait: Duration = .seconds(2)) {
        self.store = store
        self.maximumWait = maximumWait
    }

    /// A new participant; make every ticket before delivering any.
    public func ticket() -> Ticket {
        let id = state.withLock { state in
            state.nextId += 1
            state.live.insert(state.nextId)
            return state.nextId
        }
        return Ticket(round: self, id: id)
    }

    private func leave(_ id: Int) {
        settle { state in
            state.live.remove(id)
            state.active[id] = nil
            state.blocked[id] = nil
        }
    }

    private func started(_ id: Int, _ count: Int) {
        state.withLock { $0.active[id, default: 0] += count }
    }

    private func finished(_ id: Int) {
        settle { $0.active[id, default: 0] -= 1 }
    }

    private func submit(_ read: Read) -> Read {
        state.withLock { state in
            state.queue.append(read)
            state.waits[ObjectIdentifier(read)] = [:]
            if state.queue.count == 1 { state.timer = runLate(generation: state.generation) }
        }
        return read
    }

    /// Counts the participant's resolver as waiting on the first of `reads` still queued (none:
    /// the resolver waits on statements already running, and counts as busy).
    private func block(_ id: Int, on reads: [Read]) -> ObjectIdentifier? {
        var registered: ObjectIdentifier?
        settle { state in
            guard let read = reads.first(where: { state.waits[ObjectIdentifier($0)] != nil }) else { return }
            registered = ObjectIdentifier(read)
            state.waits[ObjectIdentifier(read), default: [:]][id, default: 0] += 1
            state.blocked[id, default: 0] += 1
        }
        return registered
    }

    /// Undoes ``block(_:on:)`` when the read was not run (it was, when the body returned normally).
    private func unblock(_ id: Int, from read: ObjectIdentifier) {
        settle { state in
            guard state.waits[read]?[id] != nil else { return }
            state.waits[read]?[id]? -= 1
            state.blocked[id, default: 0] -= 1
        }
    }

    /// Changes the state, then runs the queue if every participant is now quiescent.
    private func settle(_ change: (inout State) -> Void) {
        let batch = state.withLock { state in
            change(&state)
            return state.takeIfReady()
        }
        if let batch { run(batch) }
    }

    /// Runs the batch started in `generation` after ``maximumWait`` if it is still waiting; one
    /// sleeping task per queued batch at most, cancelled when the batch runs sooner.
    private func runLate(generation: Int) -> Task<Void, Never> {
        let wait = maximumWait
        return Task { [weak self] in
            guard (try? await Task.sleep(for: wait)) != nil, let self else { return }
            let batch = self.state.withLock { state in
                state.generation == generation && !state.queue.isEmpty ? state.take() : nil
            }
            if let batch { self.run(batch) }
        }
    }

    /// One shared statement per ``Shape``, concurrently; every read gets its caller's part.
    private func run(_ batch: [Read]) {
        let store = self.store
        Task {
            await withTaskGroup(of: Void.self) { group in
                for reads in Dictionary(grouping: batch, by: \.shape).values {
                    group.addTask { await Self.read(reads, store: store) }
                }
            }
        }
    }

    private static func read(_ reads: [Read], store: CRMStore) async {
        var ids: [String] = []
        var seen = Set<String>()
        for read in reads { for id in read.ids where seen.insert(id).inserted { ids.append(id) } }
        var keys: Set<String>? = []
        for read in reads {
            if let wanted = read.keys { keys?.formUnion(wanted) } else { keys = nil }
        }
        let sortedKeys = keys.map { $0.sorted() }
        let contexts = reads.map(\.context)
        let results: [SharedResult<Found>]
        do {
            switch reads[0].shape {
            case .objects(let className):
                results = try await store.loadByIds(className: className, ids: ids, keys: sortedKeys, contexts: contexts)
                    .map { $0.map(Found.objects) }
            case .reverse(let shape):
                results = try await store.loadReverse(
                    className: shape.className, pointerField: shape.pointerField, parentIds: ids,
                    parentClassName: shape.parentClassName, where: shape.clause, order: shape.order, skip: shape.skip,
                    limit: shape.limit, keys: sortedKeys, contexts: contexts).map { $0.map(Found.lists) }
            case .count(let shape):
                results = try await store.countReverse(
                    className: shape.className, pointerField: shape.pointerField, parentIds: ids,
                    parentClassName: shape.parentClassName, where: shape.clause, contexts: contexts).map { $0.map(Found.counts) }
            }
        } catch {
            for read in reads { read.answer(.failure(error)) }
            return
        }
        for (read, result) in zip(reads, results) { read.answer(result) }
    }
}
