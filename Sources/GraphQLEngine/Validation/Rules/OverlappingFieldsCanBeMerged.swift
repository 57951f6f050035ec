// Spec 5.3.2 Field Selection Merging: "For each selection in the document: let fieldsForName be
// the set of selections with a given response name in set including visiting fragments and
// inline fragments. Given each pair of distinct members fieldA and fieldB in fieldsForName:
// SameResponseShape(fieldA, fieldB) must be true. If the parent types of fieldA and fieldB are
// equal or if either is not an Object Type: fieldA and fieldB must have identical field names
// and identical sets of arguments, and the selection sets formed by merging the two must be
// mergeable."
//
// The algorithm is graphql-js's: fields are compared within a selection set, then against each
// spread fragment, then fragments against each other, with collected selections memoized and
// compared fragment pairs remembered (see OverlappingFieldsCanBeMerged+Cache.swift).

extension ValidationContext {
    mutating func checkOverlappingFieldsCanBeMerged(_ selectionSet: SelectionSetNode, parentType: NamedType?) {
        if responseNamesAreDistinct(selectionSet) { return }
        var conflicts: [FieldConflict] = []
        let collected = collectFields(selectionSet, parentType: parentType)
        collectConflictsWithin(collected.fields, into: &conflicts)
        let names = collected.fragmentNames
        for (offset, name) in names.enumerated() {
            collectConflicts(between: collected.fields, andFragment: name, mutuallyExclusive: false, into: &conflicts)
            for other in names[(offset + 1)...] {
                collectConflicts(betweenFragment: name, and: other, mutuallyExclusive: false, into: &conflicts)
            }
        }
        for conflict in conflicts {
            report("Fields \"\(conflict.responseName)\" conflict because \(conflict.reason.text). Use different aliases on the fields to fetch both if this was intentional.",
                   at: conflict.fields1 + conflict.fields2)
        }
    }

    /// A fast path that settles most selection sets without collecting anything: fields are
    /// only ever compared with fields of the same response name, so when the fields of the set
    /// and of the fragments it spreads (fragments that spread no others) all have different
    /// response names, the algorithm below would find nothing.
    private mutating func responseNamesAreDistinct(_ selectionSet: SelectionSetNode) -> Bool {
        var names = overlap.takeScratch()
        defer { overlap.returnScratch(names) }
        var spreads: [String] = []
        guard gatherResponseNames(selectionSet, into: &names, spreads: &spreads) else { return false }
        for (offset, spread) in spreads.enumerated() where !spreads[..<offset].contains(spread) {
            guard let position = fragmentIndex[spread] else { continue }
            guard let fragmentNames = leafFragmentResponseNames(position), names.count + fragmentNames.count <= 32 else { return false }
            names += fragmentNames
        }
        for index in names.indices.dropFirst() where names[..<index].contains(names[index]) { return false }
        return true
    }

    /// The response names of a fragment that spreads no other fragment; nil for other fragments.
    private mutating func leafFragmentResponseNames(_ position: Int) -> [String]? {
        if let cached = overlap.leafNames[position] { return cached }
        guard case .fragment(let fragment) = document.definitions[position] else { return nil }
        var names: [String] = []
        var spreads: [String] = []
        let result = gatherResponseNames(fragment.selectionSet, into: &names, spreads: &spreads) && spreads.isEmpty ? names : nil
        overlap.leafNames[position] = .some(result)
        return result
    }

    /// Appends the response names of the set's fields (through inline fragments) and the names
    /// of the fragments it spreads; false when there are too many to compare pairwise.
    private func gatherResponseNames(_ selectionSet: SelectionSetNode, into names: inout [String], spreads: inout [String]) -> Bool {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field): names.append(field.responseKey)
            case .fragmentSpread(let spread): spreads.append(spread.name.value)
            case .inlineFragment(let inline):
                if !gatherResponseNames(inline.selectionSet, into: &names, spreads: &spreads) { return false }
            }
            if names.count + spreads.count > 32 { return false }
        }
        return true
    }

    private mutating func collectConflicts(between fields: FieldMap, andFragment name: String, mutuallyExclusive: Bool,
                                           into conflicts: inout [FieldConflict]) {
        guard let fragment = collectFragment(named: name) else { return }
        if fragment.fields === fields { return }
        collectConflicts(between: fields, and: fragment.fields, mutuallyExclusive: mutuallyExclusive, into: &conflicts)
        for referenced in fragment.fragmentNames {
            if overlap.hasCompared(referenced, name, mutuallyExclusive: mutuallyExclusive) { continue }
            overlap.markCompared(referenced, name, mutuallyExclusive: mutuallyExclusive)
            collectConflicts(between: fields, andFragment: referenced, mutuallyExclusive: mutuallyExclusive, into: &conflicts)
        }
    }

    private mutating func collectConflicts(betweenFragment name1: String, and name2: String, mutuallyExclusive: Bool,
                                           into conflicts: inout [FieldConflict]) {
        if name1 == name2 || overlap.hasCompared(name1, name2, mutuallyExclusive: mutuallyExclusive) { return }
        overlap.markCompared(name1, name2, mutuallyExclusive: mutuallyExclusive)
        guard let fragment1 = collectFragment(named: name1), let fragment2 = collectFragment(named: name2) else { return }
        collectConflicts(between: fragment1.fields, and: fragment2.fields, mutuallyExclusive: mutuallyExclusive, into: &conflicts)
        for referenced in fragment2.fragmentNames {
            collectConflicts(betweenFragment: name1, and: referenced, mutuallyExclusive: mutuallyExclusive, into: &conflicts)
        }
        for referenced in fragment1.fragmentNames {
            collectConflicts(betweenFragment: referenced, and: name2, mutuallyExclusive: mutuallyExclusive, into: &conflicts)
        }
    }

    private mutating func conflictsBetweenSubselections(
        _ selectionSet1: SelectionSetNode, _ parentType1: NamedType?,
        _ selectionSet2: SelectionSetNode, _ parentType2: NamedType?, mutuallyExclusive: Bool
    ) -> [FieldConflict] {
        var conflicts: [FieldConflict] = []
        let collected1 = collectFields(selectionSet1, parentType: parentType1)
        let collected2 = collectFields(selectionSet2, parentType: parentType2)
        collectConflicts(between: collected1.fields, and: collected2.fields, mutuallyExclusive: mutuallyExclusive, into: &conflicts)
        for name in collected2.fragmentNames {
            collectConflicts(between: collected1.fields, andFragment: name, mutuallyExclusive: mutuallyExclusive, into: &conflicts)
        }
        for name in collected1.fragmentNames {
            collectConflicts(between: collected2.fields, andFragment: name, mutuallyExclusive: mutuallyExclusive, into: &conflicts)
        }
        for name1 in collected1.fragmentNames {
            for name2 in collected2.fragmentNames {
                collectConflicts(betweenFragment: name1, and: name2, mutuallyExclusive: mutuallyExclusive, into: &conflicts)
            }
        }
        return conflicts
    }

    private mutating func collectConflictsWithin(_ fields: FieldMap, into conflicts: inout [FieldConflict]) {
        for (key, group) in zip(fields.keys, fields.groups) where group.count > 1 {
            for first in 0..<group.count {
                for second in (first + 1)..<group.count {
                    if let conflict = findConflict(key, group[first], group[second], parentsMutuallyExclusive: false) {
                        conflicts.append(conflict)
                    }
                }
            }
        }
    }

    private mutating func collectConflicts(between fields1: FieldMap, and fields2: FieldMap, mutuallyExclusive: Bool,
                                           into conflicts: inout [FieldConflict]) {
        for (key, group1) in zip(fields1.keys, fields1.groups) {
            guard let group2 = fields2.fields(for: key) else { continue }
            for field1 in group1 {
                for field2 in group2 {
                    if let conflict = findConflict(key, field1, field2, parentsMutuallyExclusive: mutuallyExclusive) {
                        conflicts.append(conflict)
                    }
                }
            }
        }
    }

    /// Spec SameResponseShape and FieldsInSetCanMerge for one pair of fields.
    private mutating func findConflict(_ responseName: String, _ field1: FieldAndDefinition, _ field2: FieldAndDefinition,
                                       parentsMutuallyExclusive: Bool) -> FieldConflict? {
        let node1 = field1.node, node2 = field2.node
        var exclusive = parentsMutuallyExclusive
        if !exclusive, case .object(let object1)? = field1.parentType, case .object(let object2)? = field2.parentType {
            exclusive = object1.name != object2.name
        }
        if !exclusive {
            if node1.name.value != node2.name.value {
                return FieldConflict(responseName: responseName,
                                     reason: .message("\"\(node1.name.value)\" and \"\(node2.name.value)\" are different fields"),
                                     fields1: [node1.loc], fields2: [node2.loc])
            }
            if !sameArguments(node1.arguments, node2.arguments) {
                return FieldConflict(responseName: responseName, reason: .message("they have differing arguments"),
                                     fields1: [node1.loc], fields2: [node2.loc])
            }
        }
        let type1 = field1.definition?.type, type2 = field2.definition?.type
        if let type1, let type2, typesConflict(type1, type2) {
            return FieldConflict(responseName: responseName,
                                 reason: .message("they return conflicting types \"\(type1.description)\" and \"\(type2.description)\""),
                                 fields1: [node1.loc], fields2: [node2.loc])
        }
        guard let selectionSet1 = node1.selectionSet, let selectionSet2 = node2.selectionSet else { return nil }
        let subconflicts = conflictsBetweenSubselections(selectionSet1, type1?.namedType, selectionSet2, type2?.namedType,
                                                         mutuallyExclusive: exclusive)
        guard !subconflicts.isEmpty else { return nil }
        return FieldConflict(responseName: responseName,
                             reason: .subfields(subconflicts.map { ($0.responseName, $0.reason) }),
                             fields1: [node1.loc] + subconflicts.flatMap(\.fields1),
                             fields2: [node2.loc] + subconflicts.flatMap(\.fields2))
    }

    /// graphql-js `doTypesConflict`: list and non-null wrappers must match, and leaf types must
    /// be the same type.
    private func typesConflict(_ type1: TypeReference, _ type2: TypeReference) -> Bool {
        switch (type1, type2) {
        case (.list(let inner1), .list(let inner2)), (.nonNull(let inner1), .nonNull(let inner2)):
            return typesConflict(inner1, inner2)
        case (.list, _), (_, .list), (.nonNull, _), (_, .nonNull):
            return true
        case (.named(let named1), .named(let named2)):
            return (named1.isLeaf || named2.isLeaf) && named1 != named2
        }
    }

    /// Arguments are the same when they have the same names and values, in any order.
    private func sameArguments(_ arguments1: [ArgumentNode], _ arguments2: [ArgumentNode]) -> Bool {
        if arguments1.isEmpty || arguments2.isEmpty { return arguments1.isEmpty && arguments2.isEmpty }
        guard arguments1.count == arguments2.count else { return false }
        let sorted1 = arguments1.sorted { naturalOrder($0.name.value, $1.name.value) < 0 }
        let sorted2 = arguments2.sorted { naturalOrder($0.name.value, $1.name.value) < 0 }
        return zip(sorted1, sorted2).allSatisfy { $0.name.value == $1.name.value && sameValue($0.value, $1.value) }
    }

    /// Value equality where input object fields may come in any order (graphql-js compares the
    /// printed values after sorting object fields).
    private func sameValue(_ value1: ValueNode, _ value2: ValueNode) -> Bool {
        switch (value1, value2) {
        case (.list(let items1, _), .list(let items2, _)):
            return items1.count == items2.count && zip(items1, items2).allSatisfy { sameValue($0, $1) }
        case (.object(let fields1, _), .object(let fields2, _)):
            guard fields1.count == fields2.count else { return false }
            let sorted1 = fields1.sorted { naturalOrder($0.name.value, $1.name.value) < 0 }
            let sorted2 = fields2.sorted { naturalOrder($0.name.value, $1.name.value) < 0 }
            return zip(sorted1, sorted2).allSatisfy { $0.name.value == $1.name.value && sameValue($0.value, $1.value) }
        case (.string(let string1), .string(let string2)):
            return string1.value == string2.value
        default:
            return value1 == value2
        }
    }

    private mutating func collectFragment(named name: String) -> CollectedSelection? {
        if let cached = overlap.fragments[name] { return cached }
        guard let fragment = fragment(named: name) else { return nil }
        let type = schema.type(named: fragment.typeCondition.name.value)
        let collected = collectFields(fragment.selectionSet, parentType: type)
        overlap.fragments[name] = collected
        return collected
    }

    /// graphql-js `getFieldsAndFragmentNames`, memoized by the selection set's position.
    private mutating func collectFields(_ selectionSet: SelectionSetNode, parentType: NamedType?) -> CollectedSelection {
        let key = UInt64(selectionSet.loc.start) << 32 | UInt64(selectionSet.loc.end)
        let cacheable = selectionSet.loc.end > 0
        if cacheable, let cached = overlap.selections[key] { return cached }
        let fields = FieldMap()
        var fragmentNames: [String] = []
        collectFields(selectionSet, parentType: parentType, into: fields, fragmentNames: &fragmentNames)
        let collected = CollectedSelection(fields: fields, fragmentNames: fragmentNames)
        if cacheable { overlap.selections[key] = collected }
        return collected
    }

    private func collectFields(_ selectionSet: SelectionSetNode, parentType: NamedType?, into fields: FieldMap,
                               fragmentNames: inout [String]) {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                var definition: FieldDefinition?
                switch parentType {
                case .object(let object)?: definition = object.field(named: field.name.value)
                case .interface(let interface)?: definition = interface.field(named: field.name.value)
                default: break
                }
                fields.append(FieldAndDefinition(parentType: parentType, node: field, definition: definition), key: field.responseKey)
            case .fragmentSpread(let spread):
                if !fragmentNames.contains(spread.name.value) { fragmentNames.append(spread.name.value) }
            case .inlineFragment(let inline):
                let type = inline.typeCondition.map { schema.type(named: $0.name.value) } ?? parentType
                collectFields(inline.selectionSet, parentType: type, into: fields, fragmentNames: &fragmentNames)
            }
        }
    }
}
