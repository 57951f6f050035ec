import Foundation
import FuzzTargets
import Testing

/// Every saved fuzz input (the seeds, and each input a fuzzing run found worth keeping or that
/// once failed) runs through its target in every test run, so a fixed bug stays fixed. Also a few
/// hostile inputs written here, with a time bound each.
@Suite("Fuzz corpus replay")
struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/corpus")

    static func run(_ target: FuzzTarget, _ bytes: [UInt8]) -> Duration {
        ContinuousClock().measure { bytes.withUnsafeBytes { target.run($0) } }
    }

    @Test("every saved input of every target returns", arguments: FuzzTarget.allCases)
    func replay(_ target: FuzzTarget) throws {
        let folder = Self.corpus.appendingPathComponent(target.rawValue)
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        #expect(!files.isEmpty, "seeds for \(target.rawValue)")
        for file in files {
            _ = Self.run(target, Array(try Data(contentsOf: file)))
        }
    }

    @Test("hostile inputs return quickly", arguments: FuzzTarget.allCases)
    func hostile(_ target: FuzzTarget) {
        let inputs: [[UInt8]] = [
            [], [0], [0xFF, 0xFE, 0x00], Array(repeating: UInt8(ascii: "{"), count: 100_000),
            Array(repeating: UInt8(ascii: "["), count: 100_000), Array(("\"" + String(repeating: "\\u0000", count: 10_000) + "\"").utf8),
            Array(("{" + String(repeating: "a:a ", count: 20_000) + "}").utf8),
            Array(("query Q" + String(repeating: "($a: [[[[Int]]]]) ", count: 2_000) + "{ x }").utf8),
            Array(("{\"$or\":" + String(repeating: "[{\"$or\":", count: 500) + "[]" + String(repeating: "}]", count: 500) + "}").utf8),
            Array(#"{"title":{"$regex":"(a+)+$","$options":"imxs"},"amount":{"$gt":"'; DROP TABLE \"Deal\"; --"}}"#.utf8),
        ]
        for input in inputs {
            let elapsed = Self.run(target, input)
            #expect(elapsed < .seconds(2), "\(target.rawValue): \(input.count) bytes took \(elapsed)")
        }
    }
}
