extension Parser {
    /// Spec: Document : Definition+
    mutating func parseDocument(source: Source) throws(SyntaxError) -> DocumentNode {
        let base = lists.definitions.count
        repeat {
            let definition = try parseDefinition()
            lists.definitions.push(definition)
        } while token.kind != .endOfFile
        return DocumentNode(definitions: lists.definitions.popArray(from: base), loc: Location(start: 0, end: lexer.count), source: source)
    }

    /// Spec: Definition : ExecutableDefinition | TypeSystemDefinitionOrExtension
    ///
    /// A leading description needs one token of lookahead to find the keyword it belongs to.
    mutating func parseDefinition() throws(SyntaxError) -> DefinitionNode {
        if token.kind == .braceL { return .operation(try parseOperationDefinition()) }
        let hasDescription = token.kind == .string || token.kind == .blockString
        let keywordToken = hasDescription ? try lookahead() : token
        if hasDescription && keywordToken.kind == .braceL {
            throw SyntaxError(
                message: "Unexpected description, descriptions are not supported on shorthand queries.",
                offset: token.start)
        }
        if keywordToken.kind == .name {
            switch text(of: keywordToken) {
            case "query", "mutation", "subscription": return .operation(try parseOperationDefinition())
            case "fragment": return .fragment(try parseFragmentDefinition())
            case "schema": return .schema(try parseSchemaDefinition())
            case "scalar", "type", "interface", "union", "enum", "input":
                return .type(try parseTypeDefinition(extending: false))
            case "directive": return .directive(try parseDirectiveDefinition())
            default: break
            }
            if hasDescription {
                throw SyntaxError(
                    message: "Unexpected description, only GraphQL definitions support descriptions.",
                    offset: token.start)
            }
            if isKeyword(keywordToken, "extend") { return try parseExtension() }
        }
        throw unexpected(keywordToken)
    }

    /// Spec: OperationDefinition : Description? OperationType Name? VariablesDefinition?
    /// Directives? SelectionSet | SelectionSet
    mutating func parseOperationDefinition() throws(SyntaxError) -> OperationDefinitionNode {
        let start = token.start
        if token.kind == .braceL {
            return OperationDefinitionNode(
                description: nil, operation: .query, name: nil, variableDefinitions: [], directives: [],
                selectionSet: try parseSelectionSet(), loc: loc(from: start))
        }
        let description = try parseDescription()
        let operation = try parseOperationType()
        let name = token.kind == .name ? try parseName() : nil
        let variableDefinitions = try parseVariableDefinitions()
        let directives = try parseDirectives(const: false)
        let selectionSet = try parseSelectionSet()
        return OperationDefinitionNode(
            description: description, operation: operation, name: name,
            variableDefinitions: variableDefinitions, directives: directives,
            selectionSet: selectionSet, loc: loc(from: start))
    }

    /// Spec: OperationType : one of `query` `mutation` `subscription`
    mutating func parseOperationType() throws(SyntaxError) -> OperationType {
        let current = token
        try expect(.name)
        guard let operation = OperationType(rawValue: text(of: current)) else { throw unexpected(current) }
        return operation
    }

    /// Spec: VariablesDefinition : ( VariableDefinition+ )
    /// VariableDefinition : Description? Variable : Type DefaultValue? Directives[Const]?
    mutating func parseVariableDefinitions() throws(SyntaxError) -> [VariableDefinitionNode] {
        guard try skip(.parenL) else { return [] }
        let base = lists.variableDefinitions.count
        repeat {
            let start = token.start
            let description = try parseDescription()
            let variable = try parseVariable()
            try expect(.colon)
            let type = try parseType()
            let defaultValue = try skip(.equals) ? try parseValue(const: true) : nil
            let directives = try parseDirectives(const: true)
            lists.variableDefinitions.push(VariableDefinitionNode(
                description: description, variable: variable, type: type, defaultValue: defaultValue,
                directives: directives, loc: loc(from: start)))
        } while try !skip(.parenR)
        return lists.variableDefinitions.popArray(from: base)
    }

    /// Spec: Variable : $ Name
    mutating func parseVariable() throws(SyntaxError) -> VariableNode {
        let start = token.start
        try expect(.dollar)
        let name = try parseName()
        return VariableNode(name: name, loc: loc(from: start))
    }

    /// Spec: SelectionSet : { Selection+ }
    mutating func parseSelectionSet() throws(SyntaxError) -> SelectionSetNode {
        let start = token.start
        try expect(.braceL)
        try descend()
        let base = lists.selections.count
        repeat {
            let selection = try parseSelection()
            lists.selections.push(selection)
        } while try !skip(.braceR)
        depth -= 1
        return SelectionSetNode(selections: lists.selections.popArray(from: base), loc: loc(from: start))
    }

    /// Spec: Selection : Field | FragmentSpread | InlineFragment
    mutating func parseSelection() throws(SyntaxError) -> SelectionNode {
        token.kind == .spread ? try parseFragment() : .field(try parseField())
    }

    /// Spec: Field : Alias? Name Arguments? Directives? SelectionSet?
    mutating func parseField() throws(SyntaxError) -> FieldNode {
        let start = token.start
        var alias: NameNode?
        var name = try parseName()
        if try skip(.colon) {
            alias = name
            name = try parseName()
        }
        let arguments = try parseArguments(const: false)
        let directives = try parseDirectives(const: false)
        let selectionSet = token.kind == .braceL ? try parseSelectionSet() : nil
        return FieldNode(
            alias: alias, name: name, arguments: arguments, directives: directives,
            selectionSet: selectionSet, loc: loc(from: start))
    }

    /// Spec: FragmentSpread : ... FragmentName Directives?
    /// InlineFragment : ... TypeCondition? Directives? SelectionSet
    mutating func parseFragment() throws(SyntaxError) -> SelectionNode {
        let start = token.start
        try expect(.spread)
        let hasTypeCondition = try skipKeyword("on")
        if !hasTypeCondition && token.kind == .name {
            let name = try parseName()
            let directives = try parseDirectives(const: false)
            return .fragmentSpread(FragmentSpreadNode(name: name, directives: directives, loc: loc(from: start)))
        }
        let typeCondition = hasTypeCondition ? try parseNamedType() : nil
        let directives = try parseDirectives(const: false)
        let selectionSet = try parseSelectionSet()
        return .inlineFragment(InlineFragmentNode(
            typeCondition: typeCondition, directives: directives, selectionSet: selectionSet,
            loc: loc(from: start)))
    }

    /// Spec: FragmentDefinition : Description? fragment FragmentName TypeCondition Directives?
    /// SelectionSet; FragmentName : Name but not `on`
    mutating func parseFragmentDefinition() throws(SyntaxError) -> FragmentDefinitionNode {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("fragment")
        if isKeyword(token, "on") { throw unexpected(token) }
        let name = try parseName()
        try expectKeyword("on")
        let typeCondition = try parseNamedType()
        let directives = try parseDirectives(const: false)
        let selectionSet = try parseSelectionSet()
        return FragmentDefinitionNode(
            description: description, name: name, typeCondition: typeCondition, directives: directives,
            selectionSet: selectionSet, loc: loc(from: start))
    }
}
