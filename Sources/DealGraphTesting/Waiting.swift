/// Polls `condition` until it holds or `timeout` has passed, and says whether it held: the way
/// to wait for something another thread, process or server does, instead of sleeping a fixed
/// time that is too short on a loaded machine and too long on a quiet one.
public func waitUntil(
    timeout: Duration = .seconds(20), every interval: Duration = .milliseconds(10),
    _ condition: () async throws -> Bool
) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while true {
        if try await condition() { return true }
        if ContinuousClock.now >= deadline { return false }
        try? await Task.sleep(for: interval)
    }
}
