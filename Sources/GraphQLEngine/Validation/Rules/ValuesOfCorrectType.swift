// Spec 5.6.1 Values of Correct Type: "For each input Value value in the document: let type be
// the type expected in the position value is found. value must be coercible to type", with
// 5.6.2 Input Object Field Names, 5.6.4 Input Object Required Fields and the OneOf Input Object
// rules, as graphql-js groups them.

extension ValidationContext {
    /// A list value; returns whether its items are to be checked too.
    mutating func checkListValue(_ value: ValueNode, type: GraphQLType?, itemType: GraphQLType?) -> Bool {
        if case .list? = type?.nullable { return true }
        checkLeafValue(value, type: itemType)
        return false
    }

    /// An input object value; returns whether its fields are to be checked too.
    mutating func checkObjectValue(_ value: ValueNode, fields: [ObjectFieldNode], type: GraphQLType?) -> Bool {
        guard case .inputObject(let object)? = type?.named else {
            checkLeafValue(value, type: type)
            return false
        }
        for field in object.fields where field.type.isNonNull && field.defaultValue == nil {
            if !fields.contains(where: { $0.name.value == field.name }) {
                report("Field \"\(object.name).\(field.name)\" of required type \"\(field.type.notation)\" was not provided.",
                       at: [value.loc])
            }
        }
        if object.isOneOf { checkOneOfValue(value, fields: fields, object: object) }
        return true
    }

    /// Spec: "If the Input Object is a OneOf Input Object ... the literal must contain exactly
    /// one entry, and the value of that entry must not be the null literal."
    private mutating func checkOneOfValue(_ value: ValueNode, fields: [ObjectFieldNode], object: GraphQLInputObjectType) {
        guard let last = fields.last, fields.allSatisfy({ $0.name.value == last.name.value }) else {
            report("OneOf Input Object \"\(object.name)\" must specify exactly one key.", at: [value.loc])
            return
        }
        if case .null = last.value {
            report("Field \"\(object.name).\(last.name.value)\" must be non-null.", at: [value.loc])
        }
    }

    /// Spec 5.6.2 Input Object Field Names: a field of an input object value must be defined.
    mutating func checkObjectFieldDefined(_ field: ObjectFieldNode, in object: GraphQLInputObjectType) {
        let suggestions = suggestionList(field.name.value, object.fields.map(\.name))
        report("Field \"\(field.name.value)\" is not defined by type \"\(object.name)\"." + didYouMean(suggestions),
               at: [field.loc])
    }

    mutating func checkNullValue(_ value: ValueNode, type: GraphQLType?) {
        if let type, type.isNonNull {
            report("Expected value of type \"\(type.notation)\", found null.", at: [value.loc])
        }
    }

    /// A value in a position of leaf type, or any value where a leaf was not expected
    /// (graphql-js `isValidValueNode`).
    mutating func checkLeafValue(_ value: ValueNode, type: GraphQLType?) {
        guard let type else { return }
        switch type.named {
        case .scalar(let scalar):
            if let problem = literalProblem(value, scalar: scalar) {
                report(problem.message ?? "Expected value of type \"\(type.notation)\", found \(printValue(value)).", at: [value.loc])
            }
        case .enumType(let enumType):
            checkEnumValue(value, enumType: enumType)
        default:
            report("Expected value of type \"\(type.notation)\", found \(printValue(value)).", at: [value.loc])
        }
    }

    private mutating func checkEnumValue(_ value: ValueNode, enumType: GraphQLEnumType) {
        let printed = printValue(value)
        let hint = didYouMean(suggestionList(printed, enumType.values), subject: "the enum value")
        guard case .enumValue(let name, _) = value else {
            report("Enum \"\(enumType.name)\" cannot represent non-enum value: \(printed)." + hint, at: [value.loc])
            return
        }
        if !enumType.values.contains(name) {
            report("Value \"\(printed)\" does not exist in \"\(enumType.name)\" enum." + hint, at: [value.loc])
        }
    }
}

/// Why a literal is not a valid value of a scalar: `message` is the scalar's own explanation,
/// or nil for the generic "Expected value of type" message.
struct LiteralProblem {
    let message: String?
}

extension ValidationContext {
    /// The built-in scalars' literal rules, with graphql-js's messages (spec 3.5 "Scalars").
    func literalProblem(_ value: ValueNode, scalar: GraphQLScalarType) -> LiteralProblem? {
        switch scalar.name {
        case "Int":
            guard case .int(let text, _) = value else {
                return LiteralProblem(message: "Int cannot represent non-integer value: \(printValue(value))")
            }
            if Int32(text) == nil {
                return LiteralProblem(message: "Int cannot represent non 32-bit signed integer value: \(text)")
            }
            return nil
        case "Float":
            switch value {
            case .int, .float: return nil
            default: return LiteralProblem(message: "Float cannot represent non numeric value: \(printValue(value))")
            }
        case "String":
            if case .string = value { return nil }
            return LiteralProblem(message: "String cannot represent a non string value: \(printValue(value))")
        case "Boolean":
            if case .boolean = value { return nil }
            return LiteralProblem(message: "Boolean cannot represent a non boolean value: \(printValue(value))")
        case "ID":
            switch value {
            case .string, .int: return nil
            default: return LiteralProblem(message: "ID cannot represent a non-string and non-integer value: \(printValue(value))")
            }
        default:
            return nil
        }
    }
}
