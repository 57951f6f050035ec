import Foundation

/// A python3 script run without blocking a thread, for tests that drive a real third-party client
/// (gql, websockets) while the test acts on the server at the same time. `scripts/bootstrap`
/// installs the packages.
public enum PythonScript {
    /// Runs `script` with `arguments` and returns what it printed; fails when it exits with an
    /// error or is still running after `timeout` (it is then terminated).
    public static func run(_ script: String, arguments: [String], timeout: Duration = .seconds(60)) async throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dealgraph-\(UUID().uuidString).py")
        try Data(script.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", file.path] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let (exited, exitSink) = AsyncStream.makeStream(of: Void.self)
        process.terminationHandler = { _ in
            exitSink.yield()
            exitSink.finish()
        }
        try process.run()
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            process.terminate()
        }
        // Both pipes are drained while the script runs (on dispatch threads, not the cooperative
        // pool's few), so a chatty script cannot fill a pipe and stall.
        async let printed = drain(output)
        async let complaint = drain(errors)
        for await _ in exited { break }
        watchdog.cancel()
        let (text, errorText) = (String(decoding: await printed, as: UTF8.self), String(decoding: await complaint, as: UTF8.self))
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw TestFailure("python3 failed (\(process.terminationStatus)): \(errorText)\n\(text)")
        }
        return text
    }

    private static func drain(_ pipe: Pipe) async -> Data {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: pipe.fileHandleForReading.readDataToEndOfFile()) }
        }
    }
}
