// The memory of OverlappingFieldsCanBeMerged for one document. Without it the rule re-collects
// and re-compares the same fragments once per path that reaches them, which is exponential in
// the nesting of fragments; with it each selection set is collected once and each pair of
// fragments is compared at most twice (once assuming exclusive parents, once not).

/// A field selection with the type it was selected on and its definition, if known.
struct FieldAndDefinition {
    let parentType: NamedType?
    let node: FieldNode
    let definition: FieldDefinition?
}

/// The fields of a selection set grouped by response name, in order of first appearance,
/// following inline fragments but not fragment spreads.
final class FieldMap {
    private(set) var keys: [String] = []
    private(set) var groups: [[FieldAndDefinition]] = []
    private var index: [String: Int] = [:]

    func append(_ field: FieldAndDefinition, key: String) {
        if let position = position(of: key) {
            groups[position].append(field)
            return
        }
        keys.append(key)
        groups.append([field])
        if keys.count > 8 {
            if index.isEmpty { for (position, existing) in keys.enumerated() { index[existing] = position } }
            index[key] = keys.count - 1
        }
    }

    func fields(for key: String) -> [FieldAndDefinition]? {
        position(of: key).map { groups[$0] }
    }

    private func position(of key: String) -> Int? {
        if keys.count > 8 { return index[key] }
        return keys.firstIndex(of: key)
    }
}

/// The collected fields and the names of the fragments spread (directly) in a selection set.
struct CollectedSelection {
    let fields: FieldMap
    let fragmentNames: [String]
}

/// The caches, kept in the validation context.
struct OverlapCache {
    /// By selection set position in the source (`start << 32 | end`).
    var selections: [UInt64: CollectedSelection] = [:]
    /// By fragment name; used as well when nodes carry no positions.
    var fragments: [String: CollectedSelection] = [:]
    /// Response names of fragments that spread no others, by definition index (`.some(nil)`
    /// for fragments that do), for the fast path.
    var leafNames: [[String]??]
    private var scratch: [String] = []

    init(definitionCount: Int) {
        leafNames = Array(repeating: nil, count: definitionCount)
    }

    /// A reusable buffer, so the fast path allocates nothing once warmed up.
    mutating func takeScratch() -> [String] {
        var buffer: [String] = []
        swap(&buffer, &scratch)
        buffer.removeAll(keepingCapacity: true)
        return buffer
    }

    mutating func returnScratch(_ buffer: [String]) {
        scratch = buffer
    }

    /// Fragment pairs already compared, with whether the comparison assumed exclusive parents.
    private var comparedPairs: [FragmentPair: Bool] = [:]

    /// graphql-js `PairSet.has`: a pair compared without exclusivity answers for both cases.
    func hasCompared(_ a: String, _ b: String, mutuallyExclusive: Bool) -> Bool {
        guard let stored = comparedPairs[FragmentPair(a, b)] else { return false }
        return mutuallyExclusive || stored == mutuallyExclusive
    }

    mutating func markCompared(_ a: String, _ b: String, mutuallyExclusive: Bool) {
        comparedPairs[FragmentPair(a, b)] = mutuallyExclusive
    }
}

private struct FragmentPair: Hashable {
    let first: String
    let second: String

    init(_ a: String, _ b: String) {
        if a < b { (first, second) = (a, b) } else { (first, second) = (b, a) }
    }
}

/// Why two fields conflict: a message, or the conflicts of their subfields.
indirect enum ConflictReason {
    case message(String)
    case subfields([(responseName: String, reason: ConflictReason)])

    /// graphql-js `reasonMessage`.
    var text: String {
        switch self {
        case .message(let message): message
        case .subfields(let reasons):
            reasons.map { "subfields \"\($0.responseName)\" conflict because \($0.reason.text)" }.joined(separator: " and ")
        }
    }
}

/// A conflict between two sets of fields sharing a response name.
struct FieldConflict {
    let responseName: String
    let reason: ConflictReason
    let fields1: [Location]
    let fields2: [Location]
}
