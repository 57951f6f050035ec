import Foundation

// The timing method of ../shared/peers/graphqljs-bench.mjs, so that figures compare directly:
// a warm-up of a tenth of the iterations, five samples of `iterations` runs, the median.

/// Runs `body` and prints `<prefix> <label> median_ns_per_op=N [MB_per_s=X]`.
func timeIt(_ prefix: String, _ label: String, iterations: Int, bytes: Int = 0, _ body: () throws -> Void) rethrows {
    for _ in 0..<max(1, iterations / 10) { try body() }
    var samples: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<5 {
        let start = clock.now
        for _ in 0..<iterations { try body() }
        samples.append(nanoseconds(clock.now - start) / Double(iterations))
    }
    samples.sort()
    let median = samples[2]
    var line = "\(prefix) \(label) median_ns_per_op=\(Int(median.rounded()))"
    if bytes > 0 { line += " MB_per_s=\(formatFixed(Double(bytes) / median * 1e3, digits: 1))" }
    print(line)
}

/// Runs `body` twelve times, drops the first two, and prints the median in milliseconds with the
/// response size, like the peer script's execute figure.
func timeExecution(_ prefix: String, _ body: () async throws -> Int) async rethrows {
    var samples: [Double] = []
    var faults: [Int] = []
    var bytes = 0
    let clock = ContinuousClock()
    for run in 0..<12 {
        let faultsBefore = minorPageFaults()
        let start = clock.now
        bytes = try await body()
        let elapsed = nanoseconds(clock.now - start) / 1e6
        if run >= 2 {
            samples.append(elapsed)
            faults.append(minorPageFaults() - faultsBefore)
        }
    }
    if CommandLine.arguments.contains("--samples") {
        print("\(prefix) execute samples_ms=\(samples.map { formatFixed($0, digits: 2) }.joined(separator: ",")) page_faults=\(faults.map(String.init).joined(separator: ","))")
    }
    samples.sort()
    print("\(prefix) execute crm-nested 1000 deals median_ms=\(formatFixed(samples[samples.count / 2], digits: 2)) response_bytes=\(bytes)")
}

/// The process's minor page faults so far (first touches of fresh memory).
func minorPageFaults() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_minflt
}

func nanoseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
}

/// `toFixed(digits)`.
func formatFixed(_ value: Double, digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    let whole = scaled / Int(scale)
    let fraction = String(abs(scaled) % Int(scale))
    return digits == 0 ? "\(whole)" : "\(whole).\(String(repeating: "0", count: digits - fraction.count))\(fraction)"
}
