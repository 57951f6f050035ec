import SeededRandom
import Testing
@testable import GraphQLEngine

/// Parses hostile `text`: it must either parse, and then survive a print/parse round trip, or
/// fail with a located syntax error inside the text.
private func expectCleanOutcome(_ text: String) {
    do {
        let document = try parse(text)
        let printed = print(document)
        #expect((try? parse(printed)) == document, "round trip of \(text.debugDescription)")
    } catch {
        #expect(error.message.hasPrefix("Syntax Error: "), "\(text.debugDescription)")
        #expect(error.locations.count == 1)
        let lines = text.utf8.count + 1
        #expect(error.locations.allSatisfy { $0.line >= 1 && $0.line <= lines && $0.column >= 1 })
    }
}

/// Random byte strings, including invalid UTF-8 (repaired when it becomes a `String`), NUL and
/// control characters, and runs of GraphQL punctuation.
@Test func randomBytesYieldCleanErrors() {
    var random = SplitMix64(seed: 0x5EED_0001)
    let alphabet = Array("{}()[]:!$@=|&.,\"\\#\n\r\t aZ_09-+eE".utf8) + [0x00, 0x07, 0x7F, 0xC3, 0xA9, 0xEF, 0xBB, 0xBF, 0xF0, 0x9F, 0xFF]
    for _ in 0..<5_000 {
        let length = random.next(below: 64)
        let bytes = (0..<length).map { _ in
            random.next(below: 4) == 0 ? UInt8(truncatingIfNeeded: random.next()) : alphabet[random.next(below: alphabet.count)]
        }
        expectCleanOutcome(String(decoding: bytes, as: UTF8.self))
    }
}

/// Valid documents with a few random edits: deleted, inserted, replaced or duplicated pieces.
@Test func mutatedDocumentsYieldCleanErrors() {
    var random = SplitMix64(seed: 0x5EED_0002)
    let documents = [LanguageDocuments.executable, LanguageDocuments.typeSystem]
        + LanguageDocuments.workloads().filter { $0.text.utf8.count < 10_000 }.map(\.text)
    let pieces = ["{", "}", "(", ")", "[", "]", ":", "$", "@", "...", "\"", "\"\"\"", "\\u", "\\u{", "on", "#",
                  "\n", "1.", "-", "é", "\u{0}", "fragment", "extend", "query", "!", "=", "|", "&", "'"]
    for _ in 0..<3_000 {
        var bytes = Array(documents[random.next(below: documents.count)].utf8)
        for _ in 0..<(1 + random.next(below: 4)) {
            let at = random.next(below: bytes.count + 1)
            switch random.next(below: 4) {
            case 0 where at < bytes.count:
                bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.next(below: 8)))
            case 1:
                bytes.insert(contentsOf: pieces[random.next(below: pieces.count)].utf8, at: at)
            case 2 where at < bytes.count:
                bytes[at] = UInt8(truncatingIfNeeded: random.next())
            default:
                let end = min(bytes.count, at + random.next(below: 40))
                bytes.insert(contentsOf: bytes[at..<end], at: at)
            }
        }
        expectCleanOutcome(String(decoding: bytes, as: UTF8.self))
    }
}

/// Values and types have their own entry points; hostile input there fails cleanly too.
@Test func randomValuesAndTypesYieldCleanErrors() {
    var random = SplitMix64(seed: 0x5EED_0003)
    let alphabet = Array("{}[]:!$=,\"\\ aZ_09-.eu".utf8)
    for _ in 0..<2_000 {
        let text = String(decoding: (0..<random.next(below: 24)).map { _ in alphabet[random.next(below: alphabet.count)] }, as: UTF8.self)
        do {
            _ = print(try parseValue(Source(text)))
        } catch {
            #expect(error.message.hasPrefix("Syntax Error: "), "\(text.debugDescription)")
        }
        do {
            _ = print(try parseType(Source(text)))
        } catch {
            #expect(error.message.hasPrefix("Syntax Error: "), "\(text.debugDescription)")
        }
    }
}
