import Foundation
import PostgresClient

// One round trip `SELECT $1::int4` through the pool, measured per call, beside pgbench running
// the same statement (prepared, one client) against the same embedded server.
//
// Two ways of ours are measured:
// - `pool.query` from a task on the cooperative pool: the pool lends a connection for the one
//   statement; the task hands the statement to the connection's thread and is resumed back.
// - statements inside `pool.withConnection`: the body runs on the connection's thread, so each
//   statement calls libpq inline, the way request code that holds a connection runs them.
// The three are interleaved in rounds so that a change in machine load hits all of them alike;
// the figures are medians over every sample of every round.

let environment = ProcessInfo.processInfo.environment
let iterations = Int(environment["BENCH_ITERATIONS"] ?? "") ?? 5_000
let rounds = Int(environment["BENCH_ROUNDS"] ?? "") ?? 4
let warmup = 1_000
let directory = NSTemporaryDirectory() + "dealgraph-bench-\(getpid())"
defer { try? FileManager.default.removeItem(atPath: directory) }

// DATABASE_URL measures against a server started elsewhere (pgbench then needs PGHOST etc.).
let server: EmbeddedPostgres? = environment["DATABASE_URL"] == nil ? EmbeddedPostgres(directory: directory) : nil
let configuration = try await server?.start() ?? PostgresConfiguration(environment["DATABASE_URL"]!)
let pool = PostgresPool(configuration: configuration, maxConnections: 4)
let statement = "SELECT $1::int4"

/// Times `iterations` calls of `roundTrip` after a warm-up, in microseconds.
func sample(_ roundTrip: (Int32) async throws -> PostgresResult) async throws -> [Double] {
    for index in 0..<warmup { _ = try await roundTrip(Int32(index)) }
    var samples: [Double] = []
    samples.reserveCapacity(iterations)
    let clock = ContinuousClock()
    for index in 0..<iterations {
        let value = Int32(truncatingIfNeeded: index)
        let start = clock.now
        let result = try await roundTrip(value)
        let elapsed = clock.now - start
        samples.append(Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12)
        precondition(result[0].int(0) == Int(value))
    }
    return samples
}

func measurePoolQuery() async throws -> [Double] {
    try await sample { value in try await pool.query(statement, [.int4(value)]) }
}

func measureHeldConnection() async throws -> [Double] {
    try await pool.withConnection { connection in
        try await sample { value in try await connection.query(statement, [.int4(value)]) }
    }
}

/// pgbench -M prepared, one client, the same statement; per-transaction latencies from its log.
func measurePgbench(_ pgbench: String) throws -> [Double]? {
    let work = directory + "-pgbench"
    try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: work) }
    try "\\set v random(1, 1000000)\nSELECT :v::int4;\n".write(toFile: work + "/select.sql", atomically: true, encoding: .utf8)
    let socket = configuration.description.split(separator: " ").first { $0.hasPrefix("host=") }
        .map { String($0.dropFirst(5)).trimmingCharacters(in: CharacterSet(charactersIn: "'")) } ?? ""
    let process = Process()
    process.executableURL = URL(fileURLWithPath: pgbench)
    process.arguments = ["-n", "-M", "prepared", "-c", "1", "-j", "1", "-t", String(iterations + warmup),
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
    return Array(samples.dropFirst(warmup))
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
}

func format(_ value: Double) -> String { String(format: "%.1f", value) }

let pgbench = PostgresBinaries.find("pgbench")
if pgbench == nil { print("pgbench not found; the peer is skipped") }
var poolQuery: [Double] = []
var held: [Double] = []
var peer: [Double] = []
for round in 1...rounds {
    let a = try await measurePoolQuery()
    let b = try await measureHeldConnection()
    let c = try pgbench.flatMap { try measurePgbench($0) } ?? []
    print("round \(round): pool.query \(format(median(a))) us, withConnection \(format(median(b))) us, pgbench \(c.isEmpty ? "-" : format(median(c))) us")
    poolQuery += a
    held += b
    peer += c
}
print("postgres-roundtrip dealgraph pool.query median_us=\(format(median(poolQuery))) n=\(poolQuery.count)")
print("postgres-roundtrip dealgraph withConnection median_us=\(format(median(held))) n=\(held.count)")
if !peer.isEmpty {
    print("postgres-roundtrip pgbench median_us=\(format(median(peer))) n=\(peer.count)")
    for (label, ours) in [("pool.query", poolQuery), ("withConnection", held)] {
        print("postgres-roundtrip ratio \(label)/pgbench median=\(String(format: "%.2f", median(ours) / median(peer))) (target <= 1.30)")
    }
}
await pool.close()
await server?.stop()
