import Foundation

/// Runs helper programs (initdb, postgres) without blocking the Swift cooperative pool: waiting
/// happens in Foundation's termination handler.
enum ChildProcess {
    struct Outcome {
        let status: Int32
        let output: String
    }

    /// Runs to completion, capturing stdout and stderr together.
    static func run(_ program: String, _ arguments: [String], directory: String = "/") async throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        let reader = Task { await readToEnd(pipe.fileHandleForReading) }
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: EmbeddedPostgresError("cannot run \(program): \(error)"))
            }
        }
        try? pipe.fileHandleForWriting.close()
        let output = String(decoding: await reader.value, as: UTF8.self)
        return Outcome(status: status, output: output)
    }

    /// Reads on a GCD thread: the read blocks until the child closes its end.
    private static func readToEnd(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: handle.readDataToEndOfFile()) }
        }
    }

    /// Starts a long-running program with stdout and stderr appended to `logFile`.
    static func launch(_ program: String, _ arguments: [String], directory: String, logFile: String) throws -> Process {
        if !FileManager.default.fileExists(atPath: logFile) {
            _ = FileManager.default.createFile(atPath: logFile, contents: nil)
        }
        guard let log = FileHandle(forWritingAtPath: logFile) else {
            throw EmbeddedPostgresError("cannot write the server log \(logFile)")
        }
        log.seekToEndOfFile()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? log.close()
        return process
    }
}
