// graphql-js `astFromValue`: the literal that stands for an internal input value, used to print
// default values in SDL and in introspection's `__InputValue.defaultValue`.

extension TypeReference {
    /// The literal for internal value `value` of this input type, or nil when the value cannot be
    /// represented (a null for a non-null type, a value a scalar cannot serialize).
    func literal(for value: GraphQLValue) -> ValueNode? {
        switch self {
        case .nonNull(let inner):
            let node = inner.literal(for: value)
            if case .null? = node { return nil }
            return node
        case .list(let item):
            switch value {
            case .null: return .null(.none)
            case .list(let items): return .list(items.compactMap { item.literal(for: $0) }, .none)
            default: return item.literal(for: value)
            }
        case .named(let named):
            if case .null = value { return .null(.none) }
            switch named {
            case .inputObject(let input):
                guard case .object(let record) = value else { return nil }
                let fields = input.fields.compactMap { field -> ObjectFieldNode? in
                    guard let fieldValue = record[field.name], let node = field.type.literal(for: fieldValue) else { return nil }
                    return ObjectFieldNode(name: NameNode(value: field.name, loc: .none), value: node, loc: .none)
                }
                return .object(fields, .none)
            case .enum(let enumeration):
                guard let name = try? enumeration.serialize(value) else { return nil }
                return .enumValue(name, .none)
            case .scalar(let scalar):
                guard let serialized = try? scalar.serialize(value) else { return nil }
                return untypedLiteral(serialized, isID: scalar.builtIn == .id)
            case .object, .interface, .union:
                return nil
            }
        }
    }
}

/// A serialized scalar value as a literal: numbers as Int or Float literals as JavaScript prints
/// them, strings as strings (an ID that looks like an integer as an Int literal).
private func untypedLiteral(_ value: GraphQLValue, isID: Bool) -> ValueNode? {
    switch value {
    case .null: return .null(.none)
    case .boolean(let flag): return .boolean(flag, .none)
    case .int(let integer): return .int(String(integer), .none)
    case .float(let number):
        guard number.isFinite else { return nil }
        let text = JavaScriptNumber.format(number)
        return isIntegerText(text) ? .int(text, .none) : .float(text, .none)
    case .string(let text):
        if isID && isIntegerText(text) { return .int(text, .none) }
        return .string(StringValueNode(value: text, block: false, loc: .none))
    case .list(let items):
        return .list(items.compactMap { untypedLiteral($0, isID: false) }, .none)
    case .object(let record):
        let fields = record.fields.compactMap { name, fieldValue -> ObjectFieldNode? in
            untypedLiteral(fieldValue, isID: false).map {
                ObjectFieldNode(name: NameNode(value: name, loc: .none), value: $0, loc: .none)
            }
        }
        return .object(fields, .none)
    case .host:
        return nil
    }
}

/// graphql-js's `/^-?(?:0|[1-9][0-9]*)$/`.
private func isIntegerText(_ text: String) -> Bool {
    var digits = text.utf8[...]
    if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
    guard let first = digits.first, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return false }
    return first != UInt8(ascii: "0") || digits.count == 1
}
