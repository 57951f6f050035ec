import Foundation
import Logging
import Synchronization

extension EmbeddedPostgres {
    /// One server per test process, started on first use under a temporary folder and stopped
    /// (and its folder removed) at exit. Safe to call from suites running in parallel: they all
    /// await the same start. Folders left by test processes that died are cleaned up first.
    public static func sharedForTests() async throws -> EmbeddedPostgres {
        try await sharedTestServer.value
    }

    private static let sharedTestServer = Task<EmbeddedPostgres, any Error> {
        let temporary = NSTemporaryDirectory()
        TestCluster.removeLeftovers(in: temporary)
        let directory = (temporary as NSString).appendingPathComponent("dealgraph-test-\(getpid())")
        var logger = Logger(label: "dealgraph.embedded-postgres.tests")
        logger.logLevel = .warning
        let server = EmbeddedPostgres(directory: directory, logger: logger, durable: false)
        _ = try await server.start()
        if let dataDirectory = await server.dataDirectory {
            TestCluster.registerForExit(dataDirectory)
        }
        return server
    }
}

/// Stops and removes the test cluster when the test process exits.
private enum TestCluster {
    static let folder = Mutex<String?>(nil)

    static func registerForExit(_ dataDirectory: String) {
        folder.withLock { $0 = dataDirectory }
        atexit {
            if let dataDirectory = TestCluster.folder.withLock({ $0 }) { TestCluster.destroy(dataDirectory) }
        }
    }

    /// Immediate shutdown (the data is thrown away), wait for the server to go, remove the folder.
    static func destroy(_ dataDirectory: String) {
        if let pid = EmbeddedPostgres.postmasterPid(dataDirectory), ClusterDirectory.isPostgresProcess(pid) {
            kill(pid, SIGQUIT)
            for _ in 0..<100 where ClusterDirectory.isPostgresProcess(pid) { usleep(20_000) }
        }
        try? FileManager.default.removeItem(atPath: dataDirectory)
    }

    /// Removes `dealgraph-test-<pid>` folders whose test process is gone.
    static func removeLeftovers(in temporary: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
        for name in names where name.hasPrefix("dealgraph-test-") {
            guard let pid = pid_t(name.dropFirst("dealgraph-test-".count)), pid != getpid() else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }
            destroy((temporary as NSString).appendingPathComponent(name))
        }
    }
}
