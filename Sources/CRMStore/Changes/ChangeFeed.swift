import Logging
import PostgresClient

/// The committed writes of every gateway instance, in batches, to any number of consumers in this
/// one (GraphQL subscriptions and LiveQuery read from here).
///
/// NOTIFY on ``CRMStore/changeChannel`` says that the change log has new rows; the feed reads
/// them in batches (also once a second, which catches what a lost listening connection missed),
/// so one notification or a thousand cost the same one read.
///
/// Sequence numbers are taken when a write happens, not when it commits, so a row can appear
/// after rows with higher numbers. The feed delivers every row the first time it sees it, keeps
/// the numbers it delivered above its watermark (the highest number up to which every row was
/// delivered or can no longer appear), and passes a gap once it has stayed open for
/// ``gapTimeout``: a rolled-back write never fills its number. A write whose transaction stays
/// open longer than that after taking its number is not delivered.
public actor ChangeFeed {
    public struct Options: Sendable {
        /// How long a gap in the sequence is waited for.
        public var gapTimeout: Duration = .seconds(30)
        /// How often the log is read without a notification.
        public var pollInterval: Duration = .seconds(1)
        /// Rows older than this are deleted: the catch-up window of ``changes(after:)``.
        public var retention: Duration = .seconds(600)
        /// How often old rows are deleted.
        public var pruneInterval: Duration = .seconds(60)
        /// Batches a consumer may fall behind by before its stream is ended.
        public var bufferedBatches = 256
        /// Rows read per statement.
        public var batchSize = 1_000

        public init() {}
    }

    private struct Consumer {
        let continuation: AsyncStream<[Change]>.Continuation
        /// Numbers already sent by a catch-up read that the live reads have not passed yet.
        var sent: Set<Int64>
    }

    private let reader: ChangeReader
    private let options: Options
    private var consumers: [Int: Consumer] = [:]
    private var nextConsumer = 0
    /// Every row up to here was delivered or can no longer appear.
    private var watermark: Int64 = 0
    /// The highest number delivered.
    private var newest: Int64 = 0
    /// Numbers above the watermark that were delivered.
    private var delivered: Set<Int64> = []
    private var gapOpenedAt: ContinuousClock.Instant?
    private var started = false
    private var reading = false
    private var readAgain = false
    private var lastPrune = ContinuousClock.now
    /// When the log was last read without an error.
    private var lastRead = ContinuousClock.now
    private var tasks: [Task<Void, Never>] = []

    /// Reads through a pool of its own, one connection beside the store's: reading the log
    /// neither waits for request load nor adds to the store pool's statements.
    init(configuration: PostgresConfiguration, logger: Logger, model: ClassModel, options: Options) {
        reader = ChangeReader(pool: PostgresPool(configuration: configuration, maxConnections: 1, logger: logger), model: model)
        self.options = options
    }

    /// Batches of changes, each in sequence order, from the feed's next read on (which can
    /// include a write committed just before the call, never one it had already delivered to
    /// others and none committed later that it misses); with `sequence`, first every
    /// change after it that the log still holds and this feed has passed (a reconnecting client
    /// resuming). The stream ends when the consumer falls ``Options/bufferedBatches`` behind, or
    /// with ``stop()``.
    public func changes(after sequence: Int64? = nil) async throws(StoreError) -> AsyncStream<[Change]> {
        try await start()
        let (stream, continuation) = AsyncStream.makeStream(of: [Change].self, bufferingPolicy: .bufferingOldest(options.bufferedBatches))
        let id = nextConsumer
        nextConsumer += 1
        var consumer = Consumer(continuation: continuation, sent: [])
        if let sequence, sequence < newest {
            var missed: [Change] = []
            var after = sequence
            while after < newest {
                let batch = try await reader.read(after: after, limit: options.batchSize)
                missed += batch.filter { $0.sequence <= watermark || delivered.contains($0.sequence) }
                guard batch.count == options.batchSize, let last = batch.last?.sequence else { break }
                after = last
            }
            consumer.sent = Set(missed.map(\.sequence).filter { $0 > watermark })
            if !missed.isEmpty { continuation.yield(missed) }
        }
        consumers[id] = consumer
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        return stream
    }

    /// The number up to which every change was delivered: where a consumer that stops now
    /// resumes with ``changes(after:)``.
    public var position: Int64 { watermark }

    /// Changes committed to the log that the feed has not passed yet: 0 while it keeps up (for
    /// the `dealgraph_change_feed_backlog` metric); nil when the log cannot be read.
    public func backlog() async -> Int64? {
        guard let newest = try? await reader.newest() else { return nil }
        return max(0, newest - watermark)
    }

    /// The feed is started and has read the log within the last three poll intervals (at least
    /// five seconds): live updates are flowing. False while the database is unreachable.
    public var isCurrent: Bool {
        started && ContinuousClock.now - lastRead < max(.seconds(5), options.pollInterval * 3)
    }

    /// Ends every stream, stops reading and closes the feed's connections.
    public func stop() async {
        for task in tasks { task.cancel() }
        tasks = []
        for consumer in consumers.values { consumer.continuation.finish() }
        consumers = [:]
        await reader.pool.close()
    }

    private func remove(_ id: Int) {
        consumers[id] = nil
    }

    /// Starts reading the log (``changes(after:)`` does it too). Reading keeps the log pruned
    /// to ``Options/retention``; without consumers it only notes the newest number, so a gateway
    /// without subscribers costs one small statement a second.
    public func start() async throws(StoreError) {
        guard !started else { return }
        watermark = try await reader.newest()
        newest = watermark
        let notifications: PostgresNotifications
        do {
            notifications = try await reader.pool.listen([ChangeLog.channel])
        } catch {
            throw StoreError(mapping: error)
        }
        started = true
        lastRead = .now
        let interval = options.pollInterval
        tasks.append(Task { [weak self] in
            for await _ in notifications {
                guard let self else { return }
                await self.readNew()
            }
        })
        tasks.append(Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard let self else { return }
                await self.readNew()
            }
        })
    }

    /// Reads what is new (and the numbers of open gaps) and hands it to every consumer; a read
    /// already running reads again when it is done instead (one reader at a time, however many
    /// notifications arrive).
    private func readNew() async {
        if reading {
            readAgain = true
            return
        }
        reading = true
        defer { reading = false }
        repeat {
            readAgain = false
            do {
                if consumers.isEmpty {
                    let latest = try await reader.newest()
                    // A consumer arrived meanwhile: read what is new for it instead of passing over it.
                    guard consumers.isEmpty else {
                        readAgain = true
                        continue
                    }
                    watermark = max(watermark, latest)
                    newest = watermark
                    delivered = []
                    gapOpenedAt = nil
                    try await pruneWhenDue()
                    lastRead = .now
                    continue
                }
                let gaps = (watermark + 1 ..< newest + 1).lazy.filter { !self.delivered.contains($0) }.prefix(options.batchSize)
                if !gaps.isEmpty { accept(try await reader.read(sequences: Array(gaps))) }
                while true {
                    let batch = try await reader.read(after: newest, limit: options.batchSize)
                    accept(batch)
                    if batch.count < options.batchSize { break }
                }
                advance()
                try await pruneWhenDue()
                lastRead = .now
            } catch {
                // The database is unreachable: the next notification or tick reads again.
                return
            }
        } while readAgain
    }

    private func pruneWhenDue() async throws(StoreError) {
        guard ContinuousClock.now - lastPrune >= options.pruneInterval else { return }
        lastPrune = .now
        try await reader.prune(olderThan: options.retention, upTo: watermark)
    }

    private func accept(_ batch: [Change]) {
        let fresh = batch.filter { $0.sequence > watermark && !delivered.contains($0.sequence) }
        for change in fresh {
            delivered.insert(change.sequence)
            newest = max(newest, change.sequence)
        }
        deliver(fresh)
    }

    private func deliver(_ changes: [Change]) {
        guard !changes.isEmpty else { return }
        for (id, consumer) in consumers {
            let fresh = consumer.sent.isEmpty ? changes : changes.filter { !consumer.sent.contains($0.sequence) }
            if fresh.isEmpty { continue }
            if case .dropped = consumer.continuation.yield(fresh) {
                // A consumer that does not keep up is ended, not buffered without bound.
                consumer.continuation.finish()
                consumers[id] = nil
            }
        }
    }

    /// Moves the watermark over delivered numbers, and over a gap open for longer than the timeout.
    private func advance() {
        while true {
            if delivered.remove(watermark + 1) != nil {
                watermark += 1
                gapOpenedAt = nil
                continue
            }
            guard let lowest = delivered.min() else {
                gapOpenedAt = nil
                break
            }
            let opened = gapOpenedAt ?? .now
            gapOpenedAt = opened
            guard ContinuousClock.now - opened >= options.gapTimeout else { break }
            watermark = lowest - 1
            gapOpenedAt = nil
        }
        for id in consumers.keys where !(consumers[id]?.sent.isEmpty ?? true) {
            consumers[id]?.sent = consumers[id]!.sent.filter { $0 > watermark }
        }
    }
}
