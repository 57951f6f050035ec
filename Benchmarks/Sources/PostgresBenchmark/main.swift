import Foundation
import PostgresClient

// One round trip `SELECT $1::int4` through the pool, measured per call, beside pgbench running
// the same statement (prepared, one client) against the same embedded server.

let iterations = Int(ProcessInfo.processInfo.environment["BENCH_ITERATIONS"] ?? "") ?? 20_000
let directory = NSTemporaryDirectory() + "dealgraph-bench-\(getpid())"
defer { try? FileManager.default.removeItem(atPath: directory) }

let server = EmbeddedPostgres(directory: directory)
let configuration = try await server.start()
let pool = PostgresPool(configuration: configuration, maxConnections: 4)

func measureOurs() async throws -> [Double] {
    for index in 0..<2_000 { _ = try await pool.query("SELECT $1::int4", [.int4(Int32(index))]) }
    var samples: [Double] = []
    samples.reserveCapacity(iterations)
    let clock = ContinuousClock()
    for index in 0..<iterations {
        let start = clock.now
        let result = try await pool.query("SELECT $1::int4", [.int4(Int32(truncatingIfNeeded: index))])
        let elapsed = clock.now - start
        samples.append(Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12)
        precondition(result[0].int(0) == index % Int(Int32.max))
    }
    return samples
}

/// pgbench -M prepared, one client, the same statement; per-transaction latencies from its log.
func measurePgbench() async throws -> [Double]? {
    guard let pgbench = PostgresBinaries.find("pgbench") else {
        print("pgbench not found; skipping the peer")
        return nil
    }
    let work = directory + "-pgbench"
    try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: work) }
    try "\\set v random(1, 1000000)\nSELECT :v::int4;\n".write(toFile: work + "/select.sql", atomically: true, encoding: .utf8)
    let socket = configuration.description.split(separator: " ").first { $0.hasPrefix("host=") }
        .map { String($0.dropFirst(5)).trimmingCharacters(in: CharacterSet(charactersIn: "'")) } ?? ""
    let process = Process()
    process.executableURL = URL(fileURLWithPath: pgbench)
    process.arguments = ["-n", "-M", "prepared", "-c", "1", "-j", "1", "-t", String(iterations + 2_000),
                         "-f", work + "/select.sql", "-l", "--log-prefix=\(work)/log",
                         "-h", socket, "-p", "5432", "-U", "postgres", "postgres"]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        print("pgbench failed with status \(process.terminationStatus)")
        return nil
    }
    let logs = try FileManager.default.contentsOfDirectory(atPath: work).filter { $0.hasPrefix("log") }
    var samples: [Double] = []
    for log in logs {
        let text = try String(contentsOfFile: work + "/" + log, encoding: .utf8)
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count > 2, let micros = Double(fields[2]) { samples.append(micros) }
        }
    }
    return Array(samples.dropFirst(2_000))
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
}

func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(max(1, values.count)) }

func format(_ value: Double) -> String { String(format: "%.1f", value) }

let ours = try await measureOurs()
let peer = try await measurePgbench()
print("postgres-roundtrip dealgraph median_us=\(format(median(ours))) mean_us=\(format(mean(ours))) n=\(ours.count)")
if let peer {
    print("postgres-roundtrip pgbench median_us=\(format(median(peer))) mean_us=\(format(mean(peer))) n=\(peer.count)")
    let ratio = median(ours) / median(peer)
    print("postgres-roundtrip ratio dealgraph/pgbench median=\(String(format: "%.2f", ratio)) (target <= 1.30)")
}
await pool.close()
await server.stop()
