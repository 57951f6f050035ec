// The single walk over the document. Like graphql-js's TypeInfo it knows, at every node, the
// parent type, the field definition and the expected input type; unlike graphql-js it passes
// them down as arguments instead of keeping stacks, and calls each enabled rule directly.

extension ValidationContext {
    mutating func walkDocument() {
        if rules.contains(.executableDefinitions) { checkExecutableDefinitions() }
        let tracksVariables = rules.contains(.noUndefinedVariables) || rules.contains(.noUnusedVariables)
            || rules.contains(.variablesInAllowedPosition)
        for (position, definition) in document.definitions.enumerated() where !aborted {
            errorOrder = 2 * position
            switch definition {
            case .operation(let operation): walkOperation(operation, at: position, tracksVariables: tracksVariables)
            case .fragment(let fragment): walkFragmentDefinition(fragment, at: position, tracksVariables: tracksVariables)
            default: continue
            }
        }
        // Checks graphql-js makes when leaving an operation need every fragment walked first.
        for (position, definition) in document.definitions.enumerated() where !aborted {
            guard case .operation(let operation) = definition else { continue }
            errorOrder = 2 * position + 1
            if tracksVariables {
                let usages = recursiveVariableUsages(ofDefinition: position)
                if rules.contains(.noUndefinedVariables) { checkNoUndefinedVariables(operation, usages: usages) }
                if rules.contains(.noUnusedVariables) { checkNoUnusedVariables(operation, usages: usages) }
                if rules.contains(.variablesInAllowedPosition) { checkVariablesInAllowedPosition(operation, usages: usages) }
            }
            checkLimits(operation)
        }
        errorOrder = 2 * document.definitions.count
        if rules.contains(.noUnusedFragments) && !aborted { checkNoUnusedFragments() }
    }

    private mutating func walkOperation(_ operation: OperationDefinitionNode, at position: Int, tracksVariables: Bool) {
        if rules.contains(.uniqueOperationNames) { checkUniqueOperationNames(operation) }
        if rules.contains(.loneAnonymousOperation) { checkLoneAnonymousOperation(operation) }
        if rules.contains(.singleFieldSubscriptions) { checkSingleFieldSubscriptions(operation) }
        if rules.contains(.knownOperationTypes) { checkKnownOperationTypes(operation) }
        if rules.contains(.uniqueVariableNames) { checkUniqueVariableNames(operation) }
        if rules.contains(.uniqueDirectivesPerLocation) { checkUniqueDirectivesPerLocation(operation.directives) }
        var walk = ValueWalk(definition: position, recordsUsages: tracksVariables)
        for variable in operation.variableDefinitions {
            walkVariableDefinition(variable, walk: &walk)
        }
        let location: DirectiveLocation = switch operation.operation {
        case .query: .query
        case .mutation: .mutation
        case .subscription: .subscription
        }
        walkDirectives(operation.directives, location: location, walk: &walk)
        let root = schema.rootType(for: operation.operation).map(NamedType.object)
        walkSelectionSet(operation.selectionSet, parentType: root, walk: &walk)
        if tracksVariables { variableUsages[position] = walk.usages }
    }

    private mutating func walkVariableDefinition(_ definition: VariableDefinitionNode, walk: inout ValueWalk) {
        let type = schema.type(from: definition.type)
        if rules.contains(.variablesAreInputTypes) { checkVariablesAreInputTypes(definition, type: type) }
        if rules.contains(.knownTypeNames) { checkKnownTypeNames(definition.type.namedType) }
        if let defaultValue = definition.defaultValue {
            // The default of a variable is a constant; usages inside it cannot occur.
            var constant = ValueWalk(definition: walk.definition, recordsUsages: false)
            walkValue(defaultValue, type: type.flatMap { $0.isInputType ? $0 : nil }, parent: nil,
                      hasLocationDefault: false, checksValue: true, walk: &constant)
        }
        if rules.contains(.uniqueDirectivesPerLocation) { checkUniqueDirectivesPerLocation(definition.directives) }
        walkDirectives(definition.directives, location: .variableDefinition, walk: &walk)
    }

    private mutating func walkFragmentDefinition(_ fragment: FragmentDefinitionNode, at position: Int, tracksVariables: Bool) {
        if rules.contains(.uniqueFragmentNames) { checkUniqueFragmentNames(fragment) }
        if rules.contains(.noFragmentCycles) { checkNoFragmentCycles(fragment, at: position) }
        let type = schema.type(named: fragment.typeCondition.name.value)
        if rules.contains(.knownTypeNames) { checkKnownTypeNames(fragment.typeCondition) }
        if rules.contains(.fragmentsOnCompositeTypes) { checkFragmentsOnCompositeTypes(fragment, type: type) }
        if rules.contains(.uniqueDirectivesPerLocation) { checkUniqueDirectivesPerLocation(fragment.directives) }
        var walk = ValueWalk(definition: position, recordsUsages: tracksVariables)
        walkDirectives(fragment.directives, location: .fragmentDefinition, walk: &walk)
        walkSelectionSet(fragment.selectionSet, parentType: type.flatMap { $0.isComposite ? $0 : nil }, walk: &walk)
        if tracksVariables { variableUsages[position] = walk.usages }
    }

    private mutating func walkSelectionSet(_ selectionSet: SelectionSetNode, parentType: NamedType?, walk: inout ValueWalk) {
        if rules.contains(.overlappingFieldsCanBeMerged) { checkOverlappingFieldsCanBeMerged(selectionSet, parentType: parentType) }
        for selection in selectionSet.selections where !aborted {
            switch selection {
            case .field(let field): walkField(field, parentType: parentType, walk: &walk)
            case .fragmentSpread(let spread): walkFragmentSpread(spread, parentType: parentType, walk: &walk)
            case .inlineFragment(let inline): walkInlineFragment(inline, parentType: parentType, walk: &walk)
            }
        }
    }

    private mutating func walkField(_ field: FieldNode, parentType: NamedType?, walk: inout ValueWalk) {
        let definition = parentType.flatMap { schema.fieldDefinition(named: field.name.value, on: $0) }
        if rules.contains(.scalarLeafs) { checkScalarLeafs(field, type: definition?.type) }
        if rules.contains(.fieldsOnCorrectType) { checkFieldsOnCorrectType(field, parentType: parentType, definition: definition) }
        if rules.contains(.uniqueArgumentNames) { checkUniqueArgumentNames(field.arguments) }
        if rules.contains(.uniqueDirectivesPerLocation) { checkUniqueDirectivesPerLocation(field.directives) }
        for argument in field.arguments {
            let argumentDefinition = definition?.arguments.first { $0.name == argument.name.value }
            if rules.contains(.knownArgumentNames), argumentDefinition == nil, let definition, let parentType {
                checkKnownArgumentName(argument, field: definition, parentType: parentType)
            }
            walkValue(argument.value, type: argumentDefinition?.type, parent: nil,
                      hasLocationDefault: argumentDefinition?.defaultValue != nil, checksValue: true, walk: &walk)
        }
        walkDirectives(field.directives, location: .field, walk: &walk)
        if let subselection = field.selectionSet {
            let named = definition?.type.namedType
            walkSelectionSet(subselection, parentType: named.flatMap { $0.isComposite ? $0 : nil }, walk: &walk)
        }
        if rules.contains(.providedRequiredArguments), let definition {
            checkProvidedRequiredArguments(field, definition: definition)
        }
    }

    private mutating func walkFragmentSpread(_ spread: FragmentSpreadNode, parentType: NamedType?, walk: inout ValueWalk) {
        if rules.contains(.knownFragmentNames) { checkKnownFragmentNames(spread) }
        if rules.contains(.possibleFragmentSpreads) { checkPossibleFragmentSpread(spread, parentType: parentType) }
        if rules.contains(.uniqueDirectivesPerLocation) { checkUniqueDirectivesPerLocation(spread.directives) }
        walkDirectives(spread.directives, location: .fragmentSpread, walk: &walk)
    }

    private mutating func walkInlineFragment(_ inline: InlineFragmentNode, parentType: NamedType?, walk: inout ValueWalk) {
        var type = parentType
        if let condition = inline.typeCondition {
            type = schema.type(named: condition.name.value)
            if rules.contains(.knownTypeNames) { checkKnownTypeNames(condition) }
        }
        if rules.contains(.fragmentsOnCompositeTypes) { checkFragmentsOnCompositeTypes(inline, type: type) }
        if rules.contains(.possibleFragmentSpreads) { checkPossibleFragmentSpread(inline, fragmentType: type, parentType: parentType) }
        if rules.contains(.uniqueDirectivesPerLocation) { checkUniqueDirectivesPerLocation(inline.directives) }
        walkDirectives(inline.directives, location: .inlineFragment, walk: &walk)
        walkSelectionSet(inline.selectionSet, parentType: type.flatMap { $0.isComposite ? $0 : nil }, walk: &walk)
    }

    private mutating func walkDirectives(_ directives: [DirectiveNode], location: DirectiveLocation, walk: inout ValueWalk) {
        for directive in directives {
            let definition = schema.directive(named: directive.name.value)
            if rules.contains(.knownDirectives) { checkKnownDirective(directive, definition: definition, location: location) }
            if rules.contains(.uniqueArgumentNames) { checkUniqueArgumentNames(directive.arguments) }
            for argument in directive.arguments {
                let argumentDefinition = definition?.arguments.first { $0.name == argument.name.value }
                if rules.contains(.knownArgumentNames), argumentDefinition == nil, let definition {
                    checkKnownArgumentName(argument, directive: definition)
                }
                walkValue(argument.value, type: argumentDefinition?.type, parent: nil,
                          hasLocationDefault: argumentDefinition?.defaultValue != nil, checksValue: true, walk: &walk)
            }
            if rules.contains(.providedRequiredArguments), let definition {
                checkProvidedRequiredArguments(directive, definition: definition)
            }
        }
    }

    /// Walks an input value whose position expects `type` (nil when unknown). `parent` is the
    /// type of the enclosing list or input object value; `checksValue` turns off
    /// ValuesOfCorrectType below a value it has already rejected, as graphql-js does.
    mutating func walkValue(
        _ value: ValueNode, type: TypeReference?, parent: TypeReference?, hasLocationDefault: Bool,
        checksValue: Bool, walk: inout ValueWalk
    ) {
        let checks = checksValue && rules.contains(.valuesOfCorrectType)
        switch value {
        case .variable(let variable):
            if walk.recordsUsages {
                var parentObject: InputObjectType?
                if case .inputObject(let object)? = parent?.namedType { parentObject = object }
                walk.usages.append(VariableUsage(node: variable, type: type, hasLocationDefault: hasLocationDefault, parentObject: parentObject))
            }
        case .list(let items, _):
            let itemType: TypeReference?
            if case .list(let inner)? = type?.nullable { itemType = inner } else { itemType = type?.nullable }
            let keepsChecking = checks ? checkListValue(value, type: type, itemType: itemType) : false
            for item in items {
                walkValue(item, type: itemType, parent: type, hasLocationDefault: false, checksValue: keepsChecking, walk: &walk)
            }
        case .object(let fields, _):
            if rules.contains(.uniqueInputFieldNames) { checkUniqueInputFieldNames(fields) }
            let keepsChecking = checks ? checkObjectValue(value, fields: fields, type: type) : false
            var objectType: InputObjectType?
            if case .inputObject(let object)? = type?.namedType { objectType = object }
            for field in fields {
                let fieldDefinition = objectType?.fields.first { $0.name == field.name.value }
                if keepsChecking, fieldDefinition == nil, let objectType {
                    checkObjectFieldDefined(field, in: objectType)
                }
                walkValue(field.value, type: fieldDefinition?.type, parent: type,
                          hasLocationDefault: fieldDefinition?.defaultValue != nil, checksValue: keepsChecking, walk: &walk)
            }
        case .null:
            if checks { checkNullValue(value, type: type) }
        case .int, .float, .string, .boolean, .enumValue:
            if checks { checkLeafValue(value, type: type) }
        }
    }
}

/// What the walk of one definition carries along: where variable usages go.
struct ValueWalk {
    let definition: Int
    let recordsUsages: Bool
    var usages: [VariableUsage] = []
}
