/// Compiles an operation into a tree of ``SelectionPlan``s: CollectFields (spec 6.3.2) with
/// fragments, `@skip` and `@include` resolved once, fields merged by response key, arguments
/// without variables coerced once, and the selection below each composite field planned for every
/// object type it can return.
///
/// `@skip(if: $v)` and `@include(if: $v)` make the plan depend on those variables' values; the
/// plan cache keys plans by them (see ``PreparedDocument``).
struct PlanBuilder {
    let schema: GraphQLSchema
    let fragments: [String: FragmentDefinitionNode]
    let variables: [String: GraphQLValue]
    let source: Source

    /// The variables `@skip`/`@include` conditions read, with the values they had (nil: absent).
    private(set) var conditionVariables: [String: GraphQLValue?] = [:]

    /// The first error of a `@skip`/`@include` argument, which fails the whole operation like
    /// graphql-js's CollectFields throwing.
    private(set) var conditionError: GraphQLError?

    init(schema: GraphQLSchema, fragments: [String: FragmentDefinitionNode], variables: [String: GraphQLValue], source: Source) {
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.source = source
    }

    /// The plan of `selectionSets` (merged) on objects of `type`.
    mutating func plan(_ selectionSets: [SelectionSetNode], on type: ObjectType) -> SelectionPlan {
        var grouped = GroupedFields()
        var visited: Set<String> = []
        for selectionSet in selectionSets {
            collectFields(selectionSet, on: type, into: &grouped, visitedFragments: &visited)
        }
        var fields: [FieldPlan] = []
        fields.reserveCapacity(grouped.keys.count)
        for (key, nodes) in zip(grouped.keys, grouped.nodes) {
            if let field = planField(key: key, nodes: nodes, on: type) { fields.append(field) }
        }
        return SelectionPlan(type: type, fields: fields)
    }

    /// Spec 6.3.2 CollectFields.
    private mutating func collectFields(
        _ selectionSet: SelectionSetNode,
        on type: ObjectType,
        into grouped: inout GroupedFields,
        visitedFragments: inout Set<String>
    ) {
        for selection in selectionSet.selections {
            guard shouldInclude(selection.directives) else { continue }
            switch selection {
            case .field(let field):
                grouped.append(field)
            case .fragmentSpread(let spread):
                let name = spread.name.value
                guard visitedFragments.insert(name).inserted, let fragment = fragments[name],
                      doesFragmentTypeApply(fragment.typeCondition.name.value, to: type) else { continue }
                collectFields(fragment.selectionSet, on: type, into: &grouped, visitedFragments: &visitedFragments)
            case .inlineFragment(let inline):
                if let condition = inline.typeCondition, !doesFragmentTypeApply(condition.name.value, to: type) { continue }
                collectFields(inline.selectionSet, on: type, into: &grouped, visitedFragments: &visitedFragments)
            }
        }
    }

    /// Spec 6.3.2 DoesFragmentTypeApply.
    private func doesFragmentTypeApply(_ typeName: String, to objectType: ObjectType) -> Bool {
        guard let conditionType = schema.type(named: typeName) else { return false }
        return schema.isPossibleType(conditionType, objectType)
    }

    /// `@skip` and `@include` (spec 3.13.2, 3.13.3).
    private mutating func shouldInclude(_ directives: [DirectiveNode]) -> Bool {
        for directive in directives {
            let definition: DirectiveDefinition
            switch directive.name.value {
            case "skip": definition = .skip
            case "include": definition = .include
            default: continue
            }
            for argument in directive.arguments {
                if case .variable(let variable) = argument.value {
                    conditionVariables[variable.name.value] = .some(variables[variable.name.value])
                }
            }
            switch coerceArgumentValues(definitions: definition.arguments, arguments: directive.arguments,
                                        node: directive.loc, variables: variables, source: source) {
            case .success(let arguments):
                let condition = arguments["if"]?.boolValue ?? false
                if condition == (definition.name == "skip") { return false }
            case .failure(let error):
                if conditionError == nil { conditionError = error }
                return false
            }
        }
        return true
    }

    private mutating func planField(key: String, nodes: [FieldNode], on type: ObjectType) -> FieldPlan? {
        let name = nodes[0].name.value
        if name == "__typename" {
            var bytes = ResponseWriter(capacity: type.name.utf8.count + 2)
            bytes.writeString(type.name)
            return FieldPlan(responseKey: key, definition: Introspection.typenameField, parentType: type, nodes: nodes,
                             children: nil, source: .typename(JSONBytes(bytes.finish())), arguments: .constant(Record(fields: [])))
        }
        // A field the type does not define is skipped (graphql-js ExecuteField); validation
        // rejects such documents.
        guard let definition = type.field(named: name) ?? Introspection.metaField(named: name, on: .object(type), in: schema)
        else { return nil }
        let arguments: ArgumentPlan
        if nodes[0].arguments.contains(where: { containsVariable($0.value) }) {
            arguments = .perRequest
        } else {
            switch coerceArgumentValues(definitions: definition.arguments, arguments: nodes[0].arguments,
                                        node: nodes[0].loc, variables: [:], source: source) {
            case .success(let record): arguments = .constant(record)
            case .failure(let error): arguments = .invalid(error)
            }
        }
        let source: FieldSource = definition.resolver.map { .resolver($0.body) } ?? .property(name)
        let subSelections = nodes.compactMap(\.selectionSet)
        let children: ChildPlan?
        switch definition.type.namedType {
        case .object(let object):
            children = .object(plan(subSelections, on: object))
        case let abstract where abstract.isAbstract:
            let plans = schema.possibleTypes(of: abstract).map { plan(subSelections, on: $0) }
            children = .abstract(AbstractSelection(type: abstract, plans: plans))
        default:
            children = nil
        }
        return FieldPlan(responseKey: key, definition: definition, parentType: type, nodes: nodes,
                         children: children, source: source, arguments: arguments)
    }
}

/// Field nodes grouped by response key, keys in first-seen order.
private struct GroupedFields {
    var keys: [String] = []
    var nodes: [[FieldNode]] = []
    private var index: [String: Int] = [:]

    mutating func append(_ field: FieldNode) {
        let key = field.responseKey
        if let at = index[key] {
            nodes[at].append(field)
        } else {
            index[key] = keys.count
            keys.append(key)
            nodes.append([field])
        }
    }
}

