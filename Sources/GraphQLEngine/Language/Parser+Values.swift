extension Parser {
    /// Spec: Value[Const] : [~Const] Variable | IntValue | FloatValue | StringValue | BooleanValue
    /// | NullValue | EnumValue | ListValue[?Const] | ObjectValue[?Const]
    ///
    /// Lists and objects recurse through here, so this function stays small: debug builds give
    /// every local its own stack slot, and the scalar cases live in `parseScalarValue`.
    mutating func parseValue(const: Bool) throws -> ValueNode {
        switch token.kind {
        case .bracketL: try parseList(const: const)
        case .braceL: try parseObject(const: const)
        default: try parseScalarValue(const: const)
        }
    }

    /// The values that do not nest.
    private mutating func parseScalarValue(const: Bool) throws -> ValueNode {
        let current = token
        let range = Location(start: current.start, end: current.end)
        switch current.kind {
        case .int:
            try advance()
            return .int(text(of: current), range)
        case .float:
            try advance()
            return .float(text(of: current), range)
        case .string, .blockString:
            return .string(try parseStringValue())
        case .name:
            try advance()
            // BooleanValue : one of `true` `false`; NullValue : `null`
            if isKeyword(current, "true") { return .boolean(true, range) }
            if isKeyword(current, "false") { return .boolean(false, range) }
            if isKeyword(current, "null") { return .null(range) }
            return .enumValue(text(of: current), range)
        case .dollar:
            if const {
                try advance()
                guard token.kind == .name else { throw unexpected(current) }
                throw SyntaxError(message: "Unexpected variable \"$\(text(of: token))\" in constant value.", offset: current.start)
            }
            return .variable(try parseVariable())
        default:
            throw unexpected(current)
        }
    }

    /// Spec: StringValue
    mutating func parseStringValue() throws -> StringValueNode {
        let current = token
        try advance()
        return StringValueNode(
            value: lexer.stringValue(of: current), block: current.kind == .blockString,
            loc: Location(start: current.start, end: current.end))
    }

    /// Spec: ListValue[Const] : [ ] | [ Value[?Const]+ ]
    private mutating func parseList(const: Bool) throws -> ValueNode {
        let start = token.start
        try advance()
        try descend()
        let values = nodes.open(ValueNode.self)
        defer { nodes.discard(values) }
        while try !skip(.bracketR) {
            let value = try parseValue(const: const)
            nodes.push(value, onto: values)
        }
        depth -= 1
        return .list(nodes.close(values), loc(from: start))
    }

    /// Spec: ObjectValue[Const] : { } | { ObjectField[?Const]+ }
    /// ObjectField[Const] : Name : Value[?Const]
    private mutating func parseObject(const: Bool) throws -> ValueNode {
        let start = token.start
        try advance()
        try descend()
        let fields = nodes.open(ObjectFieldNode.self)
        defer { nodes.discard(fields) }
        while try !skip(.braceR) {
            let fieldStart = token.start
            let name = try parseName()
            try expect(.colon)
            let value = try parseValue(const: const)
            nodes.push(ObjectFieldNode(name: name, value: value, loc: loc(from: fieldStart)), onto: fields)
        }
        depth -= 1
        return .object(nodes.close(fields), loc(from: start))
    }
}
