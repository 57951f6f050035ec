import Testing

/// Polls `condition` every 10 ms (up to 20 s, generous for a loaded machine) instead of sleeping
/// a fixed time and hoping the other task got there.
func waitUntil(_ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(20)
    while try await !condition() {
        guard ContinuousClock.now < deadline else {
            Issue.record("condition not met within 20 s")
            return
        }
        try await Task.sleep(for: .milliseconds(10))
    }
}
