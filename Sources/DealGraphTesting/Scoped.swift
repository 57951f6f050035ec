/// Runs `body`, then `close`, also when `body` throws: the shape of every `with…` and `run`
/// helper of the kit, so that a test closes what it opened when it fails too. When both throw,
/// the body's error is the one reported.
public func scoped<T>(_ body: () async throws -> T, close: () async throws -> Void) async throws -> T {
    let result: T
    do {
        result = try await body()
    } catch {
        try? await close()
        throw error
    }
    try await close()
    return result
}
