import Foundation

/// python3's graphql-core (installed by scripts/bootstrap), run as a separate process to check
/// our schema against the reference implementation.
enum GraphQLCore {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs a python3 script with `input` on its standard input; returns what it prints.
    static func run(_ script: String, input: String = "") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let printed = stdout.fileHandleForReading.readDataToEndOfFile()
        let complaint = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "python3 failed: \(String(decoding: complaint, as: UTF8.self)) (run scripts/bootstrap for graphql-core)")
        }
        return String(decoding: printed, as: UTF8.self)
    }
}
