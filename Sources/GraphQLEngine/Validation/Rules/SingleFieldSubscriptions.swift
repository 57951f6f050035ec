extension ValidationContext {
    /// Spec 5.2.4.1 Single Root Field: the root selection set of a subscription must collect
    /// exactly one field, that field must not be an introspection field, and (September 2025)
    /// no selection at the top level may use `@skip` or `@include`.
    mutating func checkSingleFieldSubscriptions(_ operation: OperationDefinitionNode) {
        guard operation.operation == .subscription, let root = schema.subscriptionType else { return }
        let subject = operation.name.map { "Subscription \"\($0.value)\"" } ?? "Anonymous Subscription"
        var collected = RootFieldCollection()
        collectRootFields(operation.selectionSet, rootType: .object(root), into: &collected)
        if !collected.conditionals.isEmpty {
            report("\(subject) must not use `@skip` or `@include` directives in the top level selection.",
                   at: collected.conditionals.map(\.loc))
            return
        }
        if collected.groups.count > 1 {
            let extra = collected.groups.dropFirst().flatMap(\.fields)
            report("\(subject) must select only one top level field.", at: extra.map(\.loc))
        }
        for group in collected.groups where group.fields[0].name.value.hasPrefix("__") {
            report("\(subject) must not select an introspection top level field.", at: group.fields.map(\.loc))
        }
    }

    /// Spec CollectSubscriptionFields, without evaluating `@skip`/`@include` (they are
    /// reported instead).
    private func collectRootFields(_ selectionSet: SelectionSetNode, rootType: NamedType, into collected: inout RootFieldCollection) {
        for selection in selectionSet.selections {
            for directive in selection.directives where directive.name.value == "skip" || directive.name.value == "include" {
                collected.conditionals.append(directive)
            }
            switch selection {
            case .field(let field):
                if let index = collected.groups.firstIndex(where: { $0.key == field.responseKey }) {
                    collected.groups[index].fields.append(field)
                } else {
                    collected.groups.append((field.responseKey, [field]))
                }
            case .inlineFragment(let inline):
                if inline.typeCondition.map({ condition(named: $0.name.value, appliesTo: rootType) }) ?? true {
                    collectRootFields(inline.selectionSet, rootType: rootType, into: &collected)
                }
            case .fragmentSpread(let spread):
                guard collected.visitedFragments.insert(spread.name.value).inserted,
                      let fragment = fragment(named: spread.name.value),
                      condition(named: fragment.typeCondition.name.value, appliesTo: rootType) else { continue }
                collectRootFields(fragment.selectionSet, rootType: rootType, into: &collected)
            }
        }
    }

    /// Spec DoesFragmentTypeApply.
    private func condition(named name: String, appliesTo type: NamedType) -> Bool {
        guard let conditionType = schema.type(named: name) else { return false }
        return conditionType == type || (conditionType.isAbstract && schema.isSubType(conditionType, type))
    }
}

private struct RootFieldCollection {
    var groups: [(key: String, fields: [FieldNode])] = []
    var conditionals: [DirectiveNode] = []
    var visitedFragments: Set<String> = []
}
