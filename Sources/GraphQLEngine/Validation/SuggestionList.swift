/// Ranks `options` by how likely each is to be what `input` was meant to be, the way graphql-js
/// builds its "Did you mean ...?" hints: options within a lexical distance of
/// `floor(input.count * 0.4) + 1`, closest first, ties in natural order.
///
/// Names in GraphQL are ASCII (`/[_A-Za-z][_0-9A-Za-z]*/`), so the distance works on UTF-8 bytes.
func suggestionList(_ input: String, _ options: some Sequence<String>) -> [String] {
    var measure = LexicalDistance(input)
    let threshold = input.utf8.count * 4 / 10 + 1
    var ranked: [(option: String, distance: Int)] = []
    for option in options {
        if let distance = measure.distance(to: option, threshold: threshold),
           !ranked.contains(where: { $0.option == option }) {
            ranked.append((option, distance))
        }
    }
    ranked.sort { lhs, rhs in
        lhs.distance != rhs.distance ? lhs.distance < rhs.distance : naturalOrder(lhs.option, rhs.option) < 0
    }
    return ranked.map(\.option)
}

/// `" Did you mean "a", "b", or "c"?"` for up to five suggestions, or `""` for none; `subject`
/// names what is suggested (graphql-js: `Did you mean the enum value "RED"?`).
func didYouMean(_ suggestions: [String], subject: String? = nil) -> String {
    if suggestions.isEmpty { return "" }
    var message = " Did you mean "
    if let subject { message += subject + " " }
    let quoted = suggestions.prefix(5).map { "\"\($0)\"" }
    switch quoted.count {
    case 1: message += quoted[0]
    case 2: message += quoted[0] + " or " + quoted[1]
    default: message += quoted.dropLast().joined(separator: ", ") + ", or " + quoted[quoted.count - 1]
    }
    return message + "?"
}

/// Compares two strings in natural order: runs of digits compare by their numeric value, so
/// `"f2"` sorts before `"f10"`. Returns a negative number, zero or a positive number.
func naturalOrder(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs.utf8), b = Array(rhs.utf8)
    var i = 0, j = 0
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    while i < a.count && j < b.count {
        if isDigit(a[i]) && isDigit(b[j]) {
            // A leading zero ends the run, as in graphql-js, so "a01" and "a1" stay distinct.
            var x = 0, y = 0
            repeat { x = x &* 10 &+ Int(a[i] - 0x30); i += 1 } while i < a.count && isDigit(a[i]) && x > 0
            repeat { y = y &* 10 &+ Int(b[j] - 0x30); j += 1 } while j < b.count && isDigit(b[j]) && y > 0
            if x != y { return x < y ? -1 : 1 }
        } else {
            if a[i] != b[j] { return a[i] < b[j] ? -1 : 1 }
            i += 1
            j += 1
        }
    }
    return a.count - b.count
}

/// Damerau-Levenshtein distance (insertion, deletion, substitution, adjacent transposition) over
/// lower-cased ASCII, where a change of case alone counts as one edit. Three rolling rows are
/// reused across measurements.
struct LexicalDistance {
    private let input: String
    private let lowered: [UInt8]
    private var rows: [[Int]]

    init(_ input: String) {
        self.input = input
        self.lowered = Self.lowercased(input)
        self.rows = Array(repeating: Array(repeating: 0, count: lowered.count + 1), count: 3)
    }

    /// The distance to `option`, or nil when it exceeds `threshold`.
    mutating func distance(to option: String, threshold: Int) -> Int? {
        if option == input { return 0 }
        let optionLowered = Self.lowercased(option)
        if optionLowered == lowered { return 1 }
        var a = optionLowered, b = lowered
        if a.count < b.count { swap(&a, &b) }
        if a.count - b.count > threshold { return nil }
        if rows[0].count < b.count + 1 {
            rows = Array(repeating: Array(repeating: 0, count: b.count + 1), count: 3)
        }
        for j in 0...b.count { rows[0][j] = j }
        if a.isEmpty { return nil }
        for i in 1...a.count {
            let up = (i - 1) % 3, current = i % 3
            rows[current][0] = i
            var smallest = i
            if b.count > 0 {
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var cell = min(rows[up][j] + 1, rows[current][j - 1] + 1, rows[up][j - 1] + cost)
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        cell = min(cell, rows[(i - 2) % 3][j - 2] + 1)
                    }
                    smallest = min(smallest, cell)
                    rows[current][j] = cell
                }
            }
            // No later row can get below the smallest cell of this one.
            if smallest > threshold { return nil }
        }
        let distance = rows[a.count % 3][b.count]
        return distance <= threshold ? distance : nil
    }

    private static func lowercased(_ string: String) -> [UInt8] {
        string.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    }
}
