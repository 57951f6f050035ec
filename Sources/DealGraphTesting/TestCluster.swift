import Foundation
import Logging
import PostgresClient
import Synchronization

/// The throwaway PostgreSQL of a test process: started on first use under the system's
/// temporary folder (fsync off), shared by every suite, each of which gets databases of its own;
/// immediately shut down and removed when the process exits. Folders left by test processes
/// that died are removed first. Safe to use from suites running in parallel: they all await the
/// same start.
public enum TestCluster {
    /// The running cluster.
    public static func shared() async throws -> EmbeddedPostgres {
        try await server.value
    }

    /// A new, empty database on the cluster.
    public static func database(_ prefix: String) async throws -> TestDatabase {
        let cluster = try await shared()
        let configuration = try await cluster.createDatabase(prefix: prefix)
        return TestDatabase(configuration: configuration, cluster: cluster)
    }

    /// Runs `body` with a new, empty database and drops it afterwards, returning or throwing.
    public static func withDatabase<T>(_ prefix: String, _ body: (TestDatabase) async throws -> T) async throws -> T {
        let database = try await database(prefix)
        return try await scoped({ try await body(database) }, close: database.drop)
    }

    /// Runs `body` with a pool on a new, empty database; closes the pool and drops the database
    /// afterwards, returning or throwing.
    public static func withPool<T>(
        _ prefix: String, maxConnections: Int = 2, acquireTimeout: Duration = .seconds(5),
        _ body: (PostgresPool) async throws -> T
    ) async throws -> T {
        try await withDatabase(prefix) { database in
            try await database.withPool(maxConnections: maxConnections, acquireTimeout: acquireTimeout, body)
        }
    }

    private static let server = Task<EmbeddedPostgres, any Error> {
        let temporary = NSTemporaryDirectory()
        removeLeftovers(in: temporary)
        let directory = (temporary as NSString).appendingPathComponent("\(folderPrefix)\(getpid())")
        var logger = Logger(label: "dealgraph.test-cluster")
        logger.logLevel = .warning
        let server = EmbeddedPostgres(directory: directory, logger: logger, durable: false)
        _ = try await server.start()
        if let dataDirectory = await server.dataDirectory {
            registerForExit(dataDirectory)
        }
        return server
    }

    private static let folderPrefix = "dealgraph-test-"
    private static let folder = Mutex<String?>(nil)

    private static func registerForExit(_ dataDirectory: String) {
        folder.withLock { $0 = dataDirectory }
        atexit {
            if let dataDirectory = TestCluster.folder.withLock({ $0 }) { EmbeddedPostgres.destroyCluster(at: dataDirectory) }
        }
    }

    /// Removes `dealgraph-test-<pid>` folders whose test process is gone.
    private static func removeLeftovers(in temporary: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
        for name in names where name.hasPrefix(folderPrefix) {
            guard let pid = pid_t(name.dropFirst(folderPrefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }
            EmbeddedPostgres.destroyCluster(at: (temporary as NSString).appendingPathComponent(name))
        }
    }
}

/// A database of the test cluster; ``drop()`` removes it with every connection still open to it.
public struct TestDatabase: Sendable {
    public let configuration: PostgresConfiguration
    let cluster: EmbeddedPostgres

    /// The database's name.
    public var name: String { configuration.database ?? "" }

    public func drop() async {
        // Dropped from a task of its own: a test cancelled by its time limit still drops its
        // database, as a cancelled task sends no statement.
        let cluster = cluster, name = name
        await Task { try? await cluster.dropDatabase(name) }.value
    }

    /// Runs `body` with a new pool on this database and closes the pool afterwards, returning or
    /// throwing.
    public func withPool<T>(
        maxConnections: Int = 2, acquireTimeout: Duration = .seconds(5), _ body: (PostgresPool) async throws -> T
    ) async throws -> T {
        try await DealGraphTesting.withPool(configuration, maxConnections: maxConnections, acquireTimeout: acquireTimeout, body)
    }
}

/// Runs `body` with a new pool on `configuration` (a test database, or a server that is not
/// there) and closes the pool afterwards, returning or throwing.
public func withPool<T>(
    _ configuration: PostgresConfiguration, maxConnections: Int = 2, acquireTimeout: Duration = .seconds(5),
    _ body: (PostgresPool) async throws -> T
) async throws -> T {
    let pool = PostgresPool(configuration: configuration, maxConnections: maxConnections, acquireTimeout: acquireTimeout)
    return try await scoped({ try await body(pool) }, close: pool.close)
}
