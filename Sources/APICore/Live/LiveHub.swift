import CRMStore

/// The live subscriptions of one gateway, for every transport (GraphQL subscriptions, Parse
/// LiveQuery), fed by the store's change feed: for each batch of changes, one
/// ``CRMStore/match(_:against:)`` for all subscribers (filters of callers with the same
/// principals evaluated once), then one ``LiveDelivery`` per event to each subscriber whose filter
/// and read access the write entered, changed in, left or deleted from.
///
/// Before each batch, and every `revalidationInterval` while nothing is written, every distinct
/// session token of the subscribers is resolved again (the store caches sessions and role
/// closures briefly and drops them at once on logout, password and role changes), so a role
/// change takes effect within about a second, and a revoked session ends its subscriptions with
/// 209 even when no write follows.
public actor LiveHub {
    public enum Item: Sendable {
        case delivery(LiveDelivery)
        /// The subscription ended: its session was revoked, or its filter can no longer be served.
        case ended(ParseError)
    }

    private struct Subscriber {
        var filter: LiveFilter
        let sessionToken: String?
        let events: Set<LiveEvent>?
        /// Resolves a selection on its events (their nested reads are shared in a ``LiveRound``).
        let resolves: Bool
        let continuation: AsyncStream<Item>.Continuation
    }

    private let store: CRMStore
    private let bufferedItems: Int
    private let revalidationInterval: Duration
    private var subscribers: [Int: Subscriber] = [:]
    private var nextId = 0
    private var task: Task<Void, Never>?
    private var ticker: Task<Void, Never>?

    /// `bufferedItems`: events a subscriber may fall behind by before its stream is ended.
    public init(store: CRMStore, bufferedItems: Int = 1_000, revalidationInterval: Duration = .seconds(1)) {
        self.store = store
        self.bufferedItems = bufferedItems
        self.revalidationInterval = revalidationInterval
    }

    /// Subscribes `filter` (checked as a find first: 101, 102, 119) for a caller whose session,
    /// if any, is `sessionToken`; `events` limits the events delivered (nil: all). The stream ends
    /// when the subscriber cancels it, with ``Item/ended(_:)``, or without it when the subscriber
    /// fell `bufferedItems` behind. A subscriber that `resolves` a selection on each event gets a
    /// ``LiveDelivery/ticket`` to read it with.
    public func subscribe(_ filter: LiveFilter, sessionToken: String?, events: Set<LiveEvent>? = nil,
                          resolves: Bool = false) async throws(ParseError) -> AsyncStream<Item> {
        do {
            try store.check(filter)
        } catch {
            throw ParseError(error)
        }
        try await start()
        let (stream, continuation) = AsyncStream.makeStream(of: Item.self, bufferingPolicy: .bufferingOldest(bufferedItems))
        let id = nextId
        nextId += 1
        subscribers[id] = Subscriber(filter: filter, sessionToken: sessionToken, events: events, resolves: resolves,
                                     continuation: continuation)
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        return stream
    }

    /// The number of live subscriptions.
    public var count: Int { subscribers.count }

    /// Ends every subscription and stops reading the feed.
    public func stop() {
        task?.cancel()
        task = nil
        ticker?.cancel()
        ticker = nil
        for subscriber in subscribers.values { subscriber.continuation.finish() }
        subscribers = [:]
    }

    private func remove(_ id: Int) {
        subscribers[id] = nil
    }

    private func start() async throws(ParseError) {
        guard task == nil else { return }
        let changes: AsyncStream<[Change]>
        do {
            changes = try await store.changeFeed.changes()
        } catch {
            throw ParseError(error)
        }
        task = Task { [weak self] in
            for await batch in changes {
                guard let self else { return }
                await self.handle(batch)
            }
        }
        let interval = revalidationInterval
        ticker = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard let self else { return }
                await self.revalidate()
            }
        }
    }

    private func revalidate() async {
        guard !subscribers.isEmpty else { return }
        await refreshSessions()
    }

    private func handle(_ batch: [Change]) async {
        guard !subscribers.isEmpty, !batch.isEmpty else { return }
        await refreshSessions()
        let ids = Array(subscribers.keys)
        let filters = ids.map { subscribers[$0]!.filter }
        let matches: [[LiveMatch]]
        do {
            matches = try await store.match(batch, against: filters)
        } catch {
            // Not the subscribers' fault (the database failed); the log has the detail.
            _ = ParseError(error)
            return
        }
        for (changeIndex, change) in batch.enumerated() {
            // Every ticket of the change's round exists before the first delivery can use it.
            var round: LiveRound?
            var deliveries: [(id: Int, delivery: LiveDelivery)] = []
            for (slot, id) in ids.enumerated() {
                guard let subscriber = subscribers[id],
                      let event = LiveEvent(change.operation, matches[changeIndex][slot]),
                      subscriber.events?.contains(event) ?? true else { continue }
                var ticket: LiveRound.Ticket?
                if subscriber.resolves {
                    if round == nil { round = LiveRound(store: store) }
                    ticket = round?.ticket()
                }
                guard let delivery = LiveDelivery(event, change, access: subscriber.filter.context, store: store,
                                                  ticket: ticket) else { continue }
                deliveries.append((id, delivery))
            }
            for (id, delivery) in deliveries {
                guard let subscriber = subscribers[id] else { continue }
                if case .dropped = subscriber.continuation.yield(.delivery(delivery)) {
                    // A subscriber that does not keep up is ended, not buffered without bound.
                    subscriber.continuation.finish()
                    subscribers[id] = nil
                }
            }
        }
    }

    /// Resolves every distinct session token again; a token that no longer resolves ends its
    /// subscriptions.
    private func refreshSessions() async {
        let tokens = Set(subscribers.values.compactMap(\.sessionToken))
        for token in tokens {
            let access: AccessContext
            do {
                access = try await store.resolveSession(token: token)
            } catch where error.code == .invalidSessionToken {
                for (id, subscriber) in subscribers where subscriber.sessionToken == token {
                    subscriber.continuation.yield(.ended(ParseError(error)))
                    subscriber.continuation.finish()
                    subscribers[id] = nil
                }
                continue
            } catch {
                continue
            }
            for (id, subscriber) in subscribers where subscriber.sessionToken == token {
                subscribers[id]?.filter = LiveFilter(className: subscriber.filter.className, clause: subscriber.filter.clause,
                                                     context: access)
            }
        }
    }
}
