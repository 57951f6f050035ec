// graphql-js `valueFromAST` for the constant literals of a schema document: default values and
// directive arguments (spec 3.6.1 "default values" and 3.13 "Directives"), coerced by the
// input coercion rules of spec 3.5-3.10. Errors name the first problem found.

extension TypeReference {
    /// Coerces a constant literal to the internal value of this input type.
    func coerce(constant literal: ValueNode) throws(GraphQLError) -> GraphQLValue {
        switch self {
        case .nonNull(let inner):
            if case .null = literal {
                throw GraphQLError("Expected value of non-null type \"\(self)\" not to be null.")
            }
            return try inner.coerce(constant: literal)
        case .list(let item):
            switch literal {
            case .null: return .null
            case .list(let items, _):
                var values: [GraphQLValue] = []
                values.reserveCapacity(items.count)
                for element in items { values.append(try item.coerce(constant: element)) }
                return .list(values)
            default:
                // Spec 3.11 "Input Coercion": a single value becomes a list of one.
                return .list([try item.coerce(constant: literal)])
            }
        case .named(let named):
            if case .null = literal { return .null }
            if case .variable(let variable) = literal {
                throw GraphQLError("Unexpected variable \"$\(variable.name.value)\" in constant value.")
            }
            return try named.coerce(constant: literal)
        }
    }
}

extension NamedType {
    fileprivate func coerce(constant literal: ValueNode) throws(GraphQLError) -> GraphQLValue {
        switch self {
        case .scalar(let scalar):
            do {
                return try scalar.parseLiteral(literal, [:])
            } catch let error as GraphQLError {
                throw error
            } catch {
                throw GraphQLError("Expected value of type \"\(name)\", found \(print(literal)); \(error)")
            }
        case .enum(let enumeration):
            return try enumeration.parseLiteral(literal)
        case .inputObject(let input):
            return try input.coerce(constant: literal)
        case .object, .interface, .union:
            throw GraphQLError("Type \"\(name)\" is not an input type.")
        }
    }
}

extension InputObjectType {
    /// Spec 3.10 "Input Coercion": given fields are coerced, absent ones take their default, an
    /// absent required field or an unknown field is an error; a OneOf input object takes exactly
    /// one non-null field.
    fileprivate func coerce(constant literal: ValueNode) throws(GraphQLError) -> GraphQLValue {
        guard case .object(let given, _) = literal else {
            throw GraphQLError("Expected value of type \"\(name)\" to be an object, found \(print(literal)).")
        }
        for field in given where self.field(named: field.name.value) == nil {
            throw GraphQLError("Field \"\(field.name.value)\" is not defined by type \"\(name)\".")
        }
        var entries: [(String, GraphQLValue)] = []
        for field in fields {
            if let node = given.first(where: { $0.name.value == field.name }) {
                entries.append((field.name, try field.type.coerce(constant: node.value)))
            } else if let defaultValue = field.defaultValue {
                entries.append((field.name, defaultValue))
            } else if field.type.isNonNull {
                throw GraphQLError("Field \"\(name).\(field.name)\" of required type \"\(field.type)\" was not provided.")
            }
        }
        if isOneOf {
            guard given.count == 1 else {
                throw GraphQLError("OneOf Input Object \"\(name)\" must specify exactly one key.")
            }
            if case .null = given[0].value {
                throw GraphQLError("Field \"\(name).\(given[0].name.value)\" must be non-null.")
            }
        }
        return .object(Record(fields: entries))
    }
}
