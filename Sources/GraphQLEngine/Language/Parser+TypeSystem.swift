extension Parser {
    /// Spec: TypeSystemDefinition : SchemaDefinition | TypeDefinition | DirectiveDefinition
    mutating func parseTypeSystemDefinition() throws -> DefinitionNode {
        let keywordToken = token.kind == .name ? token : try lookahead()
        switch keyword(keywordToken) {
        case .schema: return .schema(try parseSchemaDefinition())
        case .directive: return .directive(try parseDirectiveDefinition())
        default: return .type(try parseTypeDefinition(extending: false))
        }
    }

    /// Spec: SchemaDefinition : Description? schema Directives[Const]? { RootOperationTypeDefinition+ }
    mutating func parseSchemaDefinition() throws -> SchemaDefinitionNode {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("schema")
        let directives = try parseDirectives(const: true)
        try expect(.braceL)
        var operationTypes: [OperationTypeDefinitionNode] = []
        repeat {
            operationTypes.append(try parseOperationTypeDefinition())
        } while try !skip(.braceR)
        return SchemaDefinitionNode(
            description: description, directives: directives, operationTypes: operationTypes, loc: loc(from: start))
    }

    /// Spec: RootOperationTypeDefinition : OperationType : NamedType
    mutating func parseOperationTypeDefinition() throws -> OperationTypeDefinitionNode {
        let start = token.start
        let operation = try parseOperationType()
        try expect(.colon)
        let type = try parseNamedType()
        return OperationTypeDefinitionNode(operation: operation, type: type, loc: loc(from: start))
    }

    /// Spec: TypeSystemExtension : SchemaExtension | TypeExtension. An extension must add something.
    mutating func parseExtension() throws -> DefinitionNode {
        let keywordToken = try lookahead()
        switch keyword(keywordToken) {
        case .schema:
            let start = token.start
            try advance()
            try advance()
            let directives = try parseDirectives(const: true)
            var operationTypes: [OperationTypeDefinitionNode] = []
            if try skip(.braceL) {
                repeat {
                    operationTypes.append(try parseOperationTypeDefinition())
                } while try !skip(.braceR)
            }
            if directives.isEmpty && operationTypes.isEmpty { throw unexpected(token) }
            return .schemaExtension(SchemaDefinitionNode(
                description: nil, directives: directives, operationTypes: operationTypes, loc: loc(from: start)))
        case .scalar, .type, .interface, .union, .enum, .input:
            return .typeExtension(try parseTypeDefinition(extending: true))
        default:
            throw unexpected(keywordToken)
        }
    }

    /// Spec: TypeDefinition and TypeExtension. The current token is the description, the
    /// keyword, or `extend` when `extending`.
    mutating func parseTypeDefinition(extending: Bool) throws -> TypeDefinitionNode {
        let start = token.start
        let description = extending ? nil : try parseDescription()
        if extending { try advance() }
        let keyword = keyword(token)
        try advance()
        let name = try parseName()
        let definition: TypeDefinitionNode
        let isEmpty: Bool
        switch keyword {
        case .scalar:
            // ScalarTypeDefinition : Description? scalar Name Directives[Const]?
            let directives = try parseDirectives(const: true)
            isEmpty = directives.isEmpty
            definition = .scalar(ScalarTypeDefinitionNode(
                description: description, name: name, directives: directives, loc: loc(from: start)))
        case .type, .interface:
            // ObjectTypeDefinition : Description? type Name ImplementsInterfaces? Directives[Const]?
            // FieldsDefinition?; InterfaceTypeDefinition likewise with `interface`.
            let interfaces = try parseImplementsInterfaces()
            let directives = try parseDirectives(const: true)
            let fields = try parseFieldsDefinition()
            isEmpty = interfaces.isEmpty && directives.isEmpty && fields.isEmpty
            definition = keyword == .type
                ? .object(ObjectTypeDefinitionNode(
                    description: description, name: name, interfaces: interfaces, directives: directives,
                    fields: fields, loc: loc(from: start)))
                : .interface(InterfaceTypeDefinitionNode(
                    description: description, name: name, interfaces: interfaces, directives: directives,
                    fields: fields, loc: loc(from: start)))
        case .union:
            // UnionTypeDefinition : Description? union Name Directives[Const]? UnionMemberTypes?
            // UnionMemberTypes : = `|`? NamedType ( | NamedType )*
            let directives = try parseDirectives(const: true)
            let types = try skip(.equals) ? try parseDelimitedNamedTypes(.pipe) : []
            isEmpty = directives.isEmpty && types.isEmpty
            definition = .union(UnionTypeDefinitionNode(
                description: description, name: name, directives: directives, types: types, loc: loc(from: start)))
        case .enum:
            // EnumTypeDefinition : Description? enum Name Directives[Const]? EnumValuesDefinition?
            let directives = try parseDirectives(const: true)
            let values = try parseEnumValuesDefinition()
            isEmpty = directives.isEmpty && values.isEmpty
            definition = .enum(EnumTypeDefinitionNode(
                description: description, name: name, directives: directives, values: values, loc: loc(from: start)))
        default:
            // InputObjectTypeDefinition : Description? input Name Directives[Const]? InputFieldsDefinition?
            let directives = try parseDirectives(const: true)
            let fields = try parseInputValueDefinitions(open: .braceL, close: .braceR)
            isEmpty = directives.isEmpty && fields.isEmpty
            definition = .inputObject(InputObjectTypeDefinitionNode(
                description: description, name: name, directives: directives, fields: fields, loc: loc(from: start)))
        }
        if extending && isEmpty { throw unexpected(token) }
        return definition
    }

    /// Spec: ImplementsInterfaces : implements `&`? NamedType ( & NamedType )*
    private mutating func parseImplementsInterfaces() throws -> [NamedTypeNode] {
        try skipKeyword("implements") ? try parseDelimitedNamedTypes(.amp) : []
    }

    /// A list of named types separated by `delimiter`, which may also lead.
    private mutating func parseDelimitedNamedTypes(_ delimiter: TokenKind) throws -> [NamedTypeNode] {
        _ = try skip(delimiter)
        var types: [NamedTypeNode] = []
        repeat {
            types.append(try parseNamedType())
        } while try skip(delimiter)
        return types
    }

    /// Spec: FieldsDefinition : { FieldDefinition+ }
    /// FieldDefinition : Description? Name ArgumentsDefinition? : Type Directives[Const]?
    private mutating func parseFieldsDefinition() throws -> [FieldDefinitionNode] {
        guard try skip(.braceL) else { return [] }
        let fields = nodes.open(FieldDefinitionNode.self)
        defer { nodes.discard(fields) }
        repeat {
            let start = token.start
            let description = try parseDescription()
            let name = try parseName()
            let arguments = try parseInputValueDefinitions(open: .parenL, close: .parenR)
            try expect(.colon)
            let type = try parseType()
            let directives = try parseDirectives(const: true)
            nodes.push(FieldDefinitionNode(
                description: description, name: name, arguments: arguments, type: type,
                directives: directives, loc: loc(from: start)), onto: fields)
        } while try !skip(.braceR)
        return nodes.close(fields)
    }

    /// Spec: ArgumentsDefinition : ( InputValueDefinition+ ); InputFieldsDefinition : { InputValueDefinition+ }
    /// InputValueDefinition : Description? Name : Type DefaultValue? Directives[Const]?
    private mutating func parseInputValueDefinitions(
        open: TokenKind, close: TokenKind
    ) throws -> [InputValueDefinitionNode] {
        guard try skip(open) else { return [] }
        let values = nodes.open(InputValueDefinitionNode.self)
        defer { nodes.discard(values) }
        repeat {
            let start = token.start
            let description = try parseDescription()
            let name = try parseName()
            try expect(.colon)
            let type = try parseType()
            let defaultValue = try skip(.equals) ? try parseValue(const: true) : nil
            let directives = try parseDirectives(const: true)
            nodes.push(InputValueDefinitionNode(
                description: description, name: name, type: type, defaultValue: defaultValue,
                directives: directives, loc: loc(from: start)), onto: values)
        } while try !skip(close)
        return nodes.close(values)
    }

    /// Spec: EnumValuesDefinition : { EnumValueDefinition+ }
    /// EnumValueDefinition : Description? EnumValue Directives[Const]?
    /// EnumValue : Name but not `true`, `false` or `null`
    private mutating func parseEnumValuesDefinition() throws -> [EnumValueDefinitionNode] {
        guard try skip(.braceL) else { return [] }
        var values: [EnumValueDefinitionNode] = []
        repeat {
            let start = token.start
            let description = try parseDescription()
            if isKeyword(token, "true") || isKeyword(token, "false") || isKeyword(token, "null") {
                throw SyntaxError(
                    message: "\(describe(token)) is reserved and cannot be used for an enum value.",
                    offset: token.start)
            }
            let name = try parseName()
            let directives = try parseDirectives(const: true)
            values.append(EnumValueDefinitionNode(
                description: description, name: name, directives: directives, loc: loc(from: start)))
        } while try !skip(.braceR)
        return values
    }

    /// Spec: DirectiveDefinition : Description? directive @ Name ArgumentsDefinition? repeatable?
    /// on DirectiveLocations; DirectiveLocations : `|`? DirectiveLocation ( | DirectiveLocation )*
    mutating func parseDirectiveDefinition() throws -> DirectiveDefinitionNode {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("directive")
        try expect(.at)
        let name = try parseName()
        let arguments = try parseInputValueDefinitions(open: .parenL, close: .parenR)
        let repeatable = try skipKeyword("repeatable")
        try expectKeyword("on")
        _ = try skip(.pipe)
        var locations: [NameNode] = []
        repeat {
            let current = token
            let location = try parseName()
            guard DirectiveLocation(rawValue: location.value) != nil else { throw unexpected(current) }
            locations.append(location)
        } while try skip(.pipe)
        return DirectiveDefinitionNode(
            description: description, name: name, arguments: arguments, repeatable: repeatable,
            locations: locations, loc: loc(from: start))
    }
}
