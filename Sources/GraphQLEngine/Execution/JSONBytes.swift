/// A fixed piece of JSON prepared by the plan (a field's `"key":`, the name `__typename`
/// writes), in memory of its own, so that the writer copies it through a plain pointer without
/// reference counting. Immutable after `init`; freed with the plan.
final class JSONBytes: Sendable {
    /// The bytes; valid as long as this object lives. The memory behind them stays readable for
    /// eight bytes past any word that starts inside them, so that they, and any suffix of them,
    /// can be copied a word at a time (``ResponseWriter/writePrepared(_:)``).
    nonisolated(unsafe) let bytes: UnsafeBufferPointer<UInt8>

    init(_ source: [UInt8]) {
        let padded = ((source.count + 7) & ~7) + 8
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: padded)
        storage.initialize(repeating: 0)
        _ = storage.initialize(from: source)
        bytes = UnsafeBufferPointer(rebasing: storage[..<source.count])
    }

    deinit {
        UnsafeMutableRawPointer(mutating: bytes.baseAddress!).deallocate()
    }
}
