/// The state of one validation: the document, the schema, the enabled rules, the errors found
/// so far, and what the walk has learned about each definition.
///
/// Rules are `mutating` methods on this type, one file per rule (`Rules/`); the walk
/// (`ValidationWalk.swift`) calls them with the schema types of the node at hand.
struct ValidationContext {
    let schema: GraphQLSchema
    let document: DocumentNode
    let rules: ValidationRuleSet
    let options: ValidationOptions

    /// Index in `document.definitions` of each fragment name; for duplicate names the last
    /// definition wins, as in graphql-js.
    let fragmentIndex: NameIndex
    /// How many operations the document defines.
    let operationCount: Int
    /// Variable usages found while walking each definition, by definition index; filled only
    /// when a rule about variables is enabled.
    var variableUsages: [[VariableUsage]]
    /// Fragment spreads directly inside each definition (not through other fragments), computed
    /// on first use.
    private var spreadCache: [[FragmentSpreadNode]?]
    /// Names of operations and fragments seen so far, for the uniqueness rules.
    var seenOperationNames: [String: NameNode] = [:]
    var seenFragmentNames: [String: NameNode] = [:]
    /// Fragments (by definition index) already checked by NoFragmentCycles.
    var cycleCheckedFragments: [Bool]
    /// Fragments used by each operation, by definition index, computed on first use.
    private var referencedFragmentsCache: [[Int]?]
    /// Caches of OverlappingFieldsCanBeMerged, kept for the whole document.
    var overlap: OverlapCache

    /// Errors with the position they sort to; see `report`.
    private var errors: [(order: Int, error: GraphQLError)] = []
    /// Errors found while walking definition `i` sort at `2 * i`, those found when leaving an
    /// operation (which needs every fragment walked first) at `2 * i + 1`.
    var errorOrder = 0
    /// Set once `options.maxErrors` is reached; the walk then stops.
    private(set) var aborted = false

    init(schema: GraphQLSchema, document: DocumentNode, rules: ValidationRuleSet, options: ValidationOptions) {
        self.schema = schema
        self.document = document
        self.rules = rules
        self.options = options
        var index = NameIndex()
        var operations = 0
        for (position, definition) in document.definitions.enumerated() {
            switch definition {
            case .fragment(let fragment): index.insert(fragment.name.value, at: position)
            case .operation: operations += 1
            default: break
            }
        }
        self.fragmentIndex = index
        self.operationCount = operations
        self.variableUsages = Array(repeating: [], count: document.definitions.count)
        self.spreadCache = Array(repeating: nil, count: document.definitions.count)
        self.referencedFragmentsCache = Array(repeating: nil, count: document.definitions.count)
        self.overlap = OverlapCache(definitionCount: document.definitions.count)
        self.cycleCheckedFragments = Array(repeating: false, count: document.definitions.count)
    }

    /// Reports an error located at the start of each node.
    mutating func report(_ message: String, at locations: [Location]) {
        guard !aborted else { return }
        if errors.count >= options.maxErrors {
            aborted = true
            errors.append((errorOrder, GraphQLError("Too many validation errors, error limit reached. Validation aborted.")))
            return
        }
        errors.append((errorOrder, GraphQLError(message, at: locations, in: document.source)))
    }

    /// The errors in document order.
    func finish() -> [GraphQLError] {
        var found = errors
        let limitError = aborted ? found.popLast()?.error : nil
        // A stable sort: errors with equal order keep the order they were found in.
        var ordered = found.enumerated().sorted { lhs, rhs in
            lhs.element.order != rhs.element.order ? lhs.element.order < rhs.element.order : lhs.offset < rhs.offset
        }.map(\.element.error)
        if let limitError { ordered.append(limitError) }
        return ordered
    }

    /// The fragment definition named `name`, if the document has one.
    func fragment(named name: String) -> FragmentDefinitionNode? {
        guard let position = fragmentIndex[name], case .fragment(let fragment) = document.definitions[position] else {
            return nil
        }
        return fragment
    }

    /// The spreads directly inside definition `position`, in document order.
    mutating func fragmentSpreads(ofDefinition position: Int) -> [FragmentSpreadNode] {
        if let cached = spreadCache[position] { return cached }
        var spreads: [FragmentSpreadNode] = []
        switch document.definitions[position] {
        case .operation(let operation): collectSpreads(operation.selectionSet, into: &spreads)
        case .fragment(let fragment): collectSpreads(fragment.selectionSet, into: &spreads)
        default: break
        }
        spreadCache[position] = spreads
        return spreads
    }

    private func collectSpreads(_ selectionSet: SelectionSetNode, into spreads: inout [FragmentSpreadNode]) {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                if let subselection = field.selectionSet { collectSpreads(subselection, into: &spreads) }
            case .fragmentSpread(let spread): spreads.append(spread)
            case .inlineFragment(let inline): collectSpreads(inline.selectionSet, into: &spreads)
            }
        }
    }

    /// The variable usages of an operation and of every fragment it uses, directly or not.
    mutating func recursiveVariableUsages(ofDefinition position: Int) -> [VariableUsage] {
        var usages = variableUsages[position]
        for fragmentPosition in recursivelyReferencedFragments(ofDefinition: position) {
            usages += variableUsages[fragmentPosition]
        }
        return usages
    }

    /// The definition indexes of the fragments an operation uses, directly or through other
    /// fragments, in the order graphql-js discovers them.
    mutating func recursivelyReferencedFragments(ofDefinition position: Int) -> [Int] {
        if let cached = referencedFragmentsCache[position] { return cached }
        var found: [Int] = []
        var seen = Array(repeating: false, count: document.definitions.count)
        var pending = [position]
        while let next = pending.popLast() {
            for spread in fragmentSpreads(ofDefinition: next) {
                guard let fragmentPosition = fragmentIndex[spread.name.value], !seen[fragmentPosition] else { continue }
                seen[fragmentPosition] = true
                found.append(fragmentPosition)
                pending.append(fragmentPosition)
            }
        }
        referencedFragmentsCache[position] = found
        return found
    }
}

/// A variable used in a value, with the type expected where it appears (graphql-js
/// `VariableUsage`).
struct VariableUsage {
    let node: VariableNode
    /// The input type of the position; nil when unknown.
    let type: TypeReference?
    /// Whether the position (argument or input field) has a default value.
    let hasLocationDefault: Bool
    /// The input object whose field the variable is the value of, for the OneOf check.
    let parentObject: InputObjectType?
}
