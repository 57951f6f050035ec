extension Parser {
    /// Spec: Document : Definition+
    mutating func parseDefinitions() throws -> [DefinitionNode] {
        let definitions = nodes.open(DefinitionNode.self)
        defer { nodes.discard(definitions) }
        repeat {
            let definition = try parseDefinition()
            nodes.push(definition, onto: definitions)
        } while token.kind != .endOfFile
        return nodes.close(definitions)
    }

    /// Spec: Definition : ExecutableDefinition | TypeSystemDefinitionOrExtension
    ///
    /// A leading description needs one token of lookahead to find the keyword it belongs to.
    mutating func parseDefinition() throws -> DefinitionNode {
        if token.kind == .braceL { return .operation(try parseOperationDefinition()) }
        let hasDescription = token.kind == .string || token.kind == .blockString
        let keywordToken = hasDescription ? try lookahead() : token
        if hasDescription && keywordToken.kind == .braceL {
            throw SyntaxError(
                message: "Unexpected description, descriptions are not supported on shorthand queries.",
                offset: token.start)
        }
        // The type-system cases live in `parseTypeSystemDefinition`, keeping this frame small
        // in debug builds, where it sits below every nested selection set.
        switch keyword(keywordToken) {
        case .query, .mutation, .subscription: return .operation(try parseOperationDefinition())
        case .fragment: return .fragment(try parseFragmentDefinition())
        case .schema, .scalar, .type, .interface, .union, .enum, .input, .directive:
            return try parseTypeSystemDefinition()
        case .extend where !hasDescription: return try parseExtension()
        case .extend, nil:
            guard hasDescription && keywordToken.kind == .name else { throw unexpected(keywordToken) }
            throw SyntaxError(
                message: "Unexpected description, only GraphQL definitions support descriptions.",
                offset: token.start)
        }
    }

    /// The keywords that start a definition.
    enum Keyword: CaseIterable {
        case query, mutation, subscription, fragment, schema, scalar, type, interface, union, `enum`, input
        case directive, extend

        var spelling: StaticString {
            switch self {
            case .query: "query"
            case .mutation: "mutation"
            case .subscription: "subscription"
            case .fragment: "fragment"
            case .schema: "schema"
            case .scalar: "scalar"
            case .type: "type"
            case .interface: "interface"
            case .union: "union"
            case .enum: "enum"
            case .input: "input"
            case .directive: "directive"
            case .extend: "extend"
            }
        }

        /// The keyword `token` spells, if any. The first letter narrows the candidates to two.
        init?(spelledBy token: Token, in bytes: UnsafePointer<UInt8>) {
            guard token.kind == .name else { return nil }
            let candidates: (Keyword, Keyword)
            switch bytes[token.start] {
            case UInt8(ascii: "q"): candidates = (.query, .query)
            case UInt8(ascii: "m"): candidates = (.mutation, .mutation)
            case UInt8(ascii: "f"): candidates = (.fragment, .fragment)
            case UInt8(ascii: "s"):
                if token.spells("subscription", in: bytes) { self = .subscription; return }
                candidates = (.schema, .scalar)
            case UInt8(ascii: "t"): candidates = (.type, .type)
            case UInt8(ascii: "i"): candidates = (.interface, .input)
            case UInt8(ascii: "u"): candidates = (.union, .union)
            case UInt8(ascii: "e"): candidates = (.enum, .extend)
            case UInt8(ascii: "d"): candidates = (.directive, .directive)
            default: return nil
            }
            if token.spells(candidates.0.spelling, in: bytes) {
                self = candidates.0
            } else if token.spells(candidates.1.spelling, in: bytes) {
                self = candidates.1
            } else {
                return nil
            }
        }
    }

    /// The definition keyword `token` spells, if any; compares bytes rather than building a
    /// `String` (a `String` raw-value switch costs more than the whole definition header).
    @inline(__always)
    func keyword(_ token: Token) -> Keyword? {
        Keyword(spelledBy: token, in: lexer.bytes)
    }

    /// Spec: OperationDefinition : Description? OperationType Name? VariablesDefinition?
    /// Directives? SelectionSet | SelectionSet
    mutating func parseOperationDefinition() throws -> OperationDefinitionNode {
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
    mutating func parseOperationType() throws -> OperationType {
        let current = token
        try expect(.name)
        if isKeyword(current, "query") { return .query }
        if isKeyword(current, "mutation") { return .mutation }
        if isKeyword(current, "subscription") { return .subscription }
        throw unexpected(current)
    }

    /// Spec: VariablesDefinition : ( VariableDefinition+ )
    /// VariableDefinition : Description? Variable : Type DefaultValue? Directives[Const]?
    mutating func parseVariableDefinitions() throws -> [VariableDefinitionNode] {
        guard try skip(.parenL) else { return [] }
        let definitions = nodes.open(VariableDefinitionNode.self)
        defer { nodes.discard(definitions) }
        repeat {
            let start = token.start
            let description = try parseDescription()
            let variable = try parseVariable()
            try expect(.colon)
            let type = try parseType()
            let defaultValue = try skip(.equals) ? try parseValue(const: true) : nil
            let directives = try parseDirectives(const: true)
            nodes.push(VariableDefinitionNode(
                description: description, variable: variable, type: type, defaultValue: defaultValue,
                directives: directives, loc: loc(from: start)), onto: definitions)
        } while try !skip(.parenR)
        return nodes.close(definitions)
    }

    /// Spec: Variable : $ Name
    mutating func parseVariable() throws -> VariableNode {
        let start = token.start
        try expect(.dollar)
        let name = try parseName()
        return VariableNode(name: name, loc: loc(from: start))
    }

    /// Spec: SelectionSet : { Selection+ }
    ///
    /// Nested selection sets recurse through here and `parseField`, so both push their results
    /// onto the node stack instead of returning them: debug builds give every temporary its own
    /// stack slot, and this keeps 256 levels within a 512 KiB thread stack.
    mutating func parseSelectionSet() throws -> SelectionSetNode {
        let start = token.start
        try expect(.braceL)
        try descend()
        let selections = nodes.open(SelectionNode.self)
        defer { nodes.discard(selections) }
        repeat {
            // Spec: Selection : Field | FragmentSpread | InlineFragment
            if token.kind == .spread {
                try parseFragment(into: selections)
            } else {
                try parseField(into: selections)
            }
        } while try !skip(.braceR)
        depth -= 1
        return SelectionSetNode(selections: nodes.close(selections), loc: loc(from: start))
    }

    /// Spec: Field : Alias? Name Arguments? Directives? SelectionSet?
    mutating func parseField(into selections: OpenList<SelectionNode>) throws {
        let start = token.start
        let (alias, name, arguments, directives) = try parseFieldHead()
        let selectionSet = token.kind == .braceL ? try parseSelectionSet() : nil
        nodes.push(.field(FieldNode(
            alias: alias, name: name, arguments: arguments, directives: directives, selectionSet: selectionSet,
            loc: loc(from: start))), onto: selections)
    }

    /// A field up to its selection set: `Alias? Name Arguments? Directives?`. Kept out of
    /// `parseField`, which nests, in debug builds; inlined in optimized ones, where returning the
    /// tuple through memory would stall on reading it back.
    @inline(__always)
    private mutating func parseFieldHead() throws -> (NameNode?, NameNode, [ArgumentNode], [DirectiveNode]) {
        var alias: NameNode?
        var name = try parseName()
        if try skip(.colon) {
            alias = name
            name = try parseName()
        }
        let arguments = try parseArguments(const: false)
        return (alias, name, arguments, try parseDirectives(const: false))
    }

    /// Spec: FragmentSpread : ... FragmentName Directives?
    /// InlineFragment : ... TypeCondition? Directives? SelectionSet
    mutating func parseFragment(into selections: OpenList<SelectionNode>) throws {
        let start = token.start
        try expect(.spread)
        let hasTypeCondition = try skipKeyword("on")
        if !hasTypeCondition && token.kind == .name { return try parseFragmentSpread(start: start, into: selections) }
        let typeCondition = hasTypeCondition ? try parseNamedType() : nil
        let directives = try parseDirectives(const: false)
        let selectionSet = try parseSelectionSet()
        nodes.push(.inlineFragment(InlineFragmentNode(
            typeCondition: typeCondition, directives: directives, selectionSet: selectionSet,
            loc: loc(from: start))), onto: selections)
    }

    /// The rest of a FragmentSpread after `...`; kept out of `parseFragment`, which nests.
    private mutating func parseFragmentSpread(start: Int, into selections: OpenList<SelectionNode>) throws {
        let name = try parseName()
        let directives = try parseDirectives(const: false)
        nodes.push(.fragmentSpread(FragmentSpreadNode(name: name, directives: directives, loc: loc(from: start))), onto: selections)
    }

    /// Spec: FragmentDefinition : Description? fragment FragmentName TypeCondition Directives?
    /// SelectionSet; FragmentName : Name but not `on`
    mutating func parseFragmentDefinition() throws -> FragmentDefinitionNode {
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
