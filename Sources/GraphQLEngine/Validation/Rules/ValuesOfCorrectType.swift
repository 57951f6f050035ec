// Spec 5.6.1 Values of Correct Type: "For each input Value value in the document: let type be
// the type expected in the position value is found. value must be coercible to type", with
// 5.6.2 Input Object Field Names, 5.6.4 Input Object Required Fields and the OneOf Input Object
// rules, as graphql-js groups them.

extension ValidationContext {
    /// A list value; returns whether its items are to be checked too.
    mutating func checkListValue(_ value: ValueNode, type: TypeReference?, itemType: TypeReference?) -> Bool {
        if case .list? = type?.nullable { return true }
        checkLeafValue(value, type: itemType)
        return false
    }

    /// An input object value; returns whether its fields are to be checked too.
    mutating func checkObjectValue(_ value: ValueNode, fields: [ObjectFieldNode], type: TypeReference?) -> Bool {
        guard case .inputObject(let object)? = type?.namedType else {
            checkLeafValue(value, type: type)
            return false
        }
        for field in object.fields where field.type.isNonNull && field.defaultValue == nil {
            if !fields.contains(where: { $0.name.value == field.name }) {
                report("Field \"\(object.name).\(field.name)\" of required type \"\(field.type.description)\" was not provided.",
                       at: [value.loc])
            }
        }
        if object.isOneOf { checkOneOfValue(value, fields: fields, object: object) }
        return true
    }

    /// Spec: "If the Input Object is a OneOf Input Object ... the literal must contain exactly
    /// one entry, and the value of that entry must not be the null literal."
    private mutating func checkOneOfValue(_ value: ValueNode, fields: [ObjectFieldNode], object: InputObjectType) {
        guard let last = fields.last, fields.allSatisfy({ $0.name.value == last.name.value }) else {
            report("OneOf Input Object \"\(object.name)\" must specify exactly one key.", at: [value.loc])
            return
        }
        if case .null = last.value {
            report("Field \"\(object.name).\(last.name.value)\" must be non-null.", at: [value.loc])
        }
    }

    /// Spec 5.6.2 Input Object Field Names: a field of an input object value must be defined.
    mutating func checkObjectFieldDefined(_ field: ObjectFieldNode, in object: InputObjectType) {
        let suggestions = suggestionList(field.name.value, object.fields.map(\.name))
        report("Field \"\(field.name.value)\" is not defined by type \"\(object.name)\"." + didYouMean(suggestions),
               at: [field.loc])
    }

    mutating func checkNullValue(_ value: ValueNode, type: TypeReference?) {
        if let type, type.isNonNull {
            report("Expected value of type \"\(type.description)\", found null.", at: [value.loc])
        }
    }

    /// A value in a position of leaf type, or any value where a leaf was not expected
    /// (graphql-js `isValidValueNode`).
    mutating func checkLeafValue(_ value: ValueNode, type: TypeReference?) {
        guard let type else { return }
        switch type.namedType {
        case .scalar(let scalar):
            do {
                _ = try scalar.parseLiteral(value, [:])
            } catch let error as GraphQLError {
                // The scalar's own explanation, e.g. "Int cannot represent non-integer value: 1.5".
                report(error.message, at: [value.loc])
            } catch {
                report("Expected value of type \"\(type.description)\", found \(print(value)); \(error)", at: [value.loc])
            }
        case .enum(let enumType):
            checkEnumValue(value, enumType: enumType)
        default:
            report("Expected value of type \"\(type.description)\", found \(print(value)).", at: [value.loc])
        }
    }

    private mutating func checkEnumValue(_ value: ValueNode, enumType: EnumType) {
        if case .enumValue(let name, _) = value, enumType.value(named: name) != nil { return }
        let printed = print(value)
        let hint = didYouMean(suggestionList(printed, enumType.values.lazy.map(\.name)), subject: "the enum value")
        if case .enumValue = value {
            report("Value \"\(printed)\" does not exist in \"\(enumType.name)\" enum." + hint, at: [value.loc])
        } else {
            report("Enum \"\(enumType.name)\" cannot represent non-enum value: \(printed)." + hint, at: [value.loc])
        }
    }
}
