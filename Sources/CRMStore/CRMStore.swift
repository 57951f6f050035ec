import Foundation
import PostgresClient
import Synchronization

/// The data layer and security boundary of DealGraph: reads and writes CRM objects in PostgreSQL
/// (Parse Server's layout) under the caller's ``AccessContext``, and handles sign-up, log-in and
/// sessions. Only this module writes SQL and decides who sees what.
///
/// ```swift
/// let store = try await CRMStore(pool: pool, model: .bundled())
/// try await Migrator.run(pool: pool, model: store.model)
/// let context = try await store.resolveSession(token: header)
/// let deals = try await store.find(className: "Deal", where: .field("stage", [.equalTo(.string("won"))]),
///                                  order: [.descending("amount")], limit: 20, context: context)
/// ```
///
/// Every read carries the caller's ACL predicate; objects the caller may not read behave as if they
/// did not exist (101 "Object not found.", nil in batched loads, absent from lists and counts).
public final class CRMStore: Sendable {
    public let pool: PostgresPool
    public let model: ClassModel
    public let options: StoreOptions
    let accessCache: AccessCache
    let passwords: PasswordHasher
    private let listener: Task<Void, Never>?
    /// Every committed write of every instance, for subscriptions; it starts reading on its first
    /// consumer.
    public let changeFeed: ChangeFeed
    /// Streaming replicas that serve reads (``reading(for:_:)``), when configured.
    public let replicas: ReadReplicas?
    /// Failed logins and lockouts since start, for the gateway's metrics.
    public let authEvents = AuthEvents()
    /// Whether `_Session` held clear tokens when last asked, and when (``mayHoldClearTokens()``).
    let clearTokens = Mutex<(present: Bool, checked: Date)?>(nil)

    /// The channel on which every committed write is announced; the payload is the sequence number
    /// of its row in the change log (``ChangeFeed``).
    public static let changeChannel = "dealgraph_changes"
    /// The channel carrying cache invalidations between instances.
    static let invalidationChannel = "dealgraph_access"

    /// Returns once the store listens for cache invalidations sent by other instances (when
    /// `options.listensForInvalidations`); throws the error of `PostgresPool.listen` when that
    /// cannot be set up.
    public init(
        pool: PostgresPool, model: ClassModel, options: StoreOptions = StoreOptions(), replicas: ReadReplicas? = nil
    ) async throws(PostgresError) {
        self.pool = pool
        self.replicas = replicas
        replicas?.start(primary: pool)
        self.model = model
        self.options = options
        let cache = AccessCache(lifetime: options.accessCacheLifetime, clock: options.clock)
        self.accessCache = cache
        self.passwords = PasswordHasher(cost: options.bcryptCost)
        self.changeFeed = ChangeFeed(configuration: pool.configuration, logger: pool.logger, model: model, options: options.changeFeed)
        if options.listensForInvalidations {
            let notifications = try await pool.listen([Self.invalidationChannel])
            listener = Task {
                for await notification in notifications {
                    await cache.apply(invalidation: notification.payload)
                }
            }
        } else {
            listener = nil
        }
    }

    deinit { listener?.cancel() }

    /// Stops listening for invalidations and ends the change feed (the pool stays open; it
    /// belongs to the caller).
    public func shutdown() async {
        replicas?.stop()
        listener?.cancel()
        await changeFeed.stop()
    }

    /// Runs `body` with one database connection held for all its reads
    /// (``PostgresPool/holdingConnection(_:)``): what a read-only request does, so its statements
    /// run on one connection's thread without a hand-off each. Writes inside take their own
    /// connection for their transaction.
    public func reading<T>(_ body: () async -> T) async -> T {
        await pool.holdingConnection(body)
    }

    /// ``reading(_:)`` for a caller: on a read replica in rotation unless the caller wrote within
    /// the read-your-writes window or holds the master key (``ReadReplicas``), else on the
    /// primary. A replica that fails midway hands the remaining statements to the primary.
    public func reading<T>(for access: AccessContext, _ body: () async -> T) async -> T {
        if let replicas, let (index, replica) = replicas.replica(for: access),
           let value = await pool.holdingConnection(standIn: replica, replicaFailed: { replicas.takeOut(index) }, body) {
            return value
        }
        return await pool.holdingConnection(body)
    }

    /// `access` wrote: its reads stay on the primary for the read-your-writes window.
    public func noteWrite(by access: AccessContext) {
        replicas?.noteWrite(by: access)
    }

    /// The executor for tasks that a body of ``reading(_:)`` starts, so that they run on the held
    /// connection's thread too; nil outside it.
    public var readingExecutor: (any TaskExecutor)? { pool.heldExecutor }

    /// Runs one statement on the pool, mapping database errors to ``StoreError``.
    func query(_ sql: String, _ parameters: [PostgresValue]) async throws(StoreError) -> PostgresResult {
        if let connection = atomicConnection { return try await connection.run(sql, parameters) }
        do {
            return try await pool.query(sql, parameters)
        } catch {
            throw StoreError(mapping: error)
        }
    }

    /// Runs `body` in one transaction (a savepoint of the ``atomically(_:)`` transaction inside
    /// one), mapping errors to ``StoreError``.
    func transaction<T>(_ body: (PostgresConnection) async throws -> T) async throws(StoreError) -> T {
        do {
            if let connection = atomicConnection { return try await connection.transaction(body) }
            return try await pool.transaction(body)
        } catch {
            throw StoreError(mapping: error)
        }
    }
}

extension PostgresConnection {
    /// One statement inside a store transaction, with database errors mapped to ``StoreError``.
    func run(_ sql: String, _ parameters: [PostgresValue]) async throws(StoreError) -> PostgresResult {
        do {
            return try await query(sql, parameters)
        } catch {
            throw StoreError(mapping: error)
        }
    }
}

extension StoreError {
    /// Maps any error met while talking to the database: an invalid regex is the client's 102, a
    /// value PostgreSQL cannot read (JSON text it refuses, a `\u0000` escape, nesting too deep for
    /// its stack) is 111, a unique violation is 137 (202/203 for `_User` username/email), anything else is internal.
    /// What a client is told while the database is away.
    public static let unavailableMessage = "The database is unavailable; try again shortly."

    /// The database is away, not the statement wrong: no connection (or none in time), the pool
    /// closed, the server shutting down or starting (class 57P), a connection exception (08).
    static func isUnavailability(_ error: PostgresError) -> Bool {
        switch error.kind {
        case .connectionFailed, .poolTimeout, .poolClosed: return true
        case .server: return error.sqlState.map { $0.hasPrefix("57P") || $0.hasPrefix("08") } ?? false
        case .cancelled, .invalidConfiguration, .protocolViolation: return false
        }
    }

    init(mapping error: any Error) {
        if let error = error as? StoreError {
            self = error
            return
        }
        guard let error = error as? PostgresError else {
            self = .internalError(String(describing: error))
            return
        }
        let detail = error.debugDescription
        if Self.isUnavailability(error) {
            self = StoreError(code: .connectionFailed, Self.unavailableMessage, internalDetail: detail)
            return
        }
        switch error.sqlState {
        case let state? where RegexOptions.errorStates.contains(state):
            self = StoreError(code: .invalidQuery, "Invalid regular expression.", internalDetail: detail)
        case "22P02", "22P05", "54001":
            // invalid_text_representation, untranslatable_character (`\u0000` in JSON),
            // statement_too_complex (stack depth limit exceeded)
            self = StoreError(code: .incorrectType, "Invalid value.", internalDetail: detail)
        case "23505":
            let constraint = error.constraint ?? ""
            if constraint.contains("username") {
                self = StoreError(code: .usernameTaken, "Account already exists for this username.", internalDetail: detail)
            } else if constraint.contains("email") {
                self = StoreError(code: .emailTaken, "Account already exists for this email address.", internalDetail: detail)
            } else {
                self = StoreError(code: .duplicateValue, "A duplicate value for a field with unique values was provided",
                                  internalDetail: detail)
            }
        default:
            self = .internalError(detail)
        }
    }
}
