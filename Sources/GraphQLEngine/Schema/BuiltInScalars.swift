// The built-in scalars with graphql-js v16's coercion rules and messages (spec 3.5.1-3.5.5).

extension ScalarType {
    /// `Int`: a signed 32-bit integer.
    public static let int = ScalarType(
        name: "Int",
        description: "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.",
        specifiedByURL: nil,
        serialize: { value in
            let number: GraphQLValue
            switch value {
            case .boolean(let b): return .int(b ? 1 : 0)
            case .string(let s) where !s.isEmpty: number = javaScriptNumber(s).map(GraphQLValue.float) ?? value
            default: number = value
            }
            guard let integer = exactInteger(number) else {
                throw GraphQLError("Int cannot represent non-integer value: \(inspect(value))")
            }
            guard let int32 = Int32(exactly: integer) else {
                throw GraphQLError("Int cannot represent non 32-bit signed integer value: \(inspect(value))")
            }
            return .int(Int(int32))
        },
        parseValue: { value in
            guard let integer = exactInteger(value) else {
                throw GraphQLError("Int cannot represent non-integer value: \(inspect(value))")
            }
            guard let int32 = Int32(exactly: integer) else {
                throw GraphQLError("Int cannot represent non 32-bit signed integer value: \(inspect(value))")
            }
            return .int(Int(int32))
        },
        parseLiteral: { literal, _ in
            guard case .int(let text, _) = literal else {
                throw GraphQLError("Int cannot represent non-integer value: \(print(literal))")
            }
            guard let integer = Int32(text) else {
                throw GraphQLError("Int cannot represent non 32-bit signed integer value: \(text)")
            }
            return .int(Int(integer))
        },
        builtIn: .int
    )

    /// `Float`: a finite double-precision number.
    public static let float = ScalarType(
        name: "Float",
        description: "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).",
        specifiedByURL: nil,
        serialize: { value in
            switch value {
            case .boolean(let b): return .float(b ? 1 : 0)
            case .int(let i): return .float(Double(i))
            case .float(let d) where d.isFinite: return value
            case .string(let s) where !s.isEmpty:
                if let d = javaScriptNumber(s), d.isFinite { return .float(d) }
            default: break
            }
            throw GraphQLError("Float cannot represent non numeric value: \(inspect(value))")
        },
        parseValue: { value in
            switch value {
            case .int(let i): return .float(Double(i))
            case .float(let d) where d.isFinite: return value
            default: throw GraphQLError("Float cannot represent non numeric value: \(inspect(value))")
            }
        },
        parseLiteral: { literal, _ in
            switch literal {
            case .int(let text, _), .float(let text, _):
                if let d = Double(text), d.isFinite { return .float(d) }
                throw GraphQLError("Float cannot represent non numeric value: \(text)")
            default:
                throw GraphQLError("Float cannot represent non numeric value: \(print(literal))")
            }
        },
        builtIn: .float
    )

    /// `String`: UTF-8 text.
    public static let string = ScalarType(
        name: "String",
        description: "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.",
        specifiedByURL: nil,
        serialize: { value in
            switch value {
            case .string: return value
            case .boolean(let b): return .string(b ? "true" : "false")
            case .int(let i): return .string(String(i))
            case .float(let d) where d.isFinite: return .string(JavaScriptNumber.format(d))
            default: throw GraphQLError("String cannot represent value: \(inspect(value))")
            }
        },
        parseValue: { value in
            guard case .string = value else {
                throw GraphQLError("String cannot represent a non string value: \(inspect(value))")
            }
            return value
        },
        parseLiteral: { literal, _ in
            guard case .string(let node) = literal else {
                throw GraphQLError("String cannot represent a non string value: \(print(literal))")
            }
            return .string(node.value)
        },
        builtIn: .string
    )

    /// `Boolean`: true or false.
    public static let boolean = ScalarType(
        name: "Boolean",
        description: "The `Boolean` scalar type represents `true` or `false`.",
        specifiedByURL: nil,
        serialize: { value in
            switch value {
            case .boolean: return value
            case .int(let i): return .boolean(i != 0)
            case .float(let d) where d.isFinite: return .boolean(d != 0)
            default: throw GraphQLError("Boolean cannot represent a non boolean value: \(inspect(value))")
            }
        },
        parseValue: { value in
            guard case .boolean = value else {
                throw GraphQLError("Boolean cannot represent a non boolean value: \(inspect(value))")
            }
            return value
        },
        parseLiteral: { literal, _ in
            guard case .boolean(let b, _) = literal else {
                throw GraphQLError("Boolean cannot represent a non boolean value: \(print(literal))")
            }
            return .boolean(b)
        },
        builtIn: .boolean
    )

    /// `ID`: a unique identifier, serialized as a string.
    public static let id = ScalarType(
        name: "ID",
        description: "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.",
        specifiedByURL: nil,
        serialize: { value in
            if case .string = value { return value }
            if let integer = exactInteger(value) { return .string(String(integer)) }
            throw GraphQLError("ID cannot represent value: \(inspect(value))")
        },
        parseValue: { value in
            if case .string = value { return value }
            if let integer = exactInteger(value) { return .string(String(integer)) }
            throw GraphQLError("ID cannot represent value: \(inspect(value))")
        },
        parseLiteral: { literal, _ in
            switch literal {
            case .string(let node): return .string(node.value)
            case .int(let text, _): return .string(text)
            default:
                throw GraphQLError("ID cannot represent a non-string and non-integer value: \(print(literal))")
            }
        },
        builtIn: .id
    )

    /// The five built-in scalars.
    public static let builtIns: [ScalarType] = [.int, .float, .string, .boolean, .id]
}

/// The integer a number stands for exactly (JavaScript's `Number.isInteger`), or nil.
private func exactInteger(_ value: GraphQLValue) -> Int? {
    switch value {
    case .int(let i): return i
    case .float(let d):
        if let integer = JavaScriptNumber.integer(d) { return integer }
        // Integral but beyond Int: out of every range GraphQL checks.
        return d.isFinite && abs(d) >= 9.2e18 ? .max : nil
    default: return nil
    }
}

/// JavaScript's `Number(string)` for the decimal forms clients send.
private func javaScriptNumber(_ text: String) -> Double? {
    let trimmed = text.trimmingWhitespace()
    return trimmed.isEmpty ? 0 : Double(trimmed)
}

extension String {
    fileprivate func trimmingWhitespace() -> Substring {
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return slice
    }
}
