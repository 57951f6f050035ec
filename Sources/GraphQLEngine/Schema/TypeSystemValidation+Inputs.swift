// Spec 3.8.1 "Type Validation" of unions, 3.9.1 of enums and 3.10.1 of input objects
// (including OneOf input objects and cycles of non-null fields).

extension TypeSystemValidation {
    mutating func validateMembers(of union: UnionType) {
        if union.members.isEmpty { report("Union type \(union.name) must define one or more member types.") }
        var seen: Set<ObjectIdentifier> = []
        for member in union.members where !seen.insert(ObjectIdentifier(member)).inserted {
            report("Union type \(union.name) can only include type \(member.name) once.")
        }
    }

    mutating func validateValues(of enumeration: EnumType) {
        if enumeration.values.isEmpty { report("Enum type \(enumeration.name) must define one or more values.") }
        for value in enumeration.values {
            validateName(value.name)
            if ["true", "false", "null"].contains(value.name) {
                report("Enum type \(enumeration.name) cannot include value: \(value.name).")
            }
        }
    }

    mutating func validateFields(of input: InputObjectType) {
        if input.fields.isEmpty { report("Input Object type \(input.name) must define one or more fields.") }
        for field in input.fields {
            validateName(field.name)
            if !field.type.isInputType {
                report("The type of \(input.name).\(field.name) must be Input Type but got: \(field.type).")
            }
            if field.isRequired && field.isDeprecated {
                report("Required input field \(input.name).\(field.name) cannot be deprecated.")
            }
            if input.isOneOf {
                if field.type.isNonNull { report("OneOf input field \(input.name).\(field.name) must be nullable.") }
                if field.defaultValue != nil { report("OneOf input field \(input.name).\(field.name) cannot have a default value.") }
            }
        }
        inputCycles.messages = []
        inputCycles.search(from: input)
        for message in inputCycles.messages { report(message) }
    }
}

/// Spec 3.10.1: "If an Input Object references itself either directly or through referenced
/// Input Objects, at least one of the fields in the chain of references must be either a
/// nullable or a List type." A depth-first walk over non-null input object fields, reporting
/// each cycle that returns to a type on the current path; types are visited once per schema, so
/// each cycle is reported once (graphql-js `validateInputObjectCircularRefs`).
struct InputCycleSearch {
    var messages: [String] = []
    private var visited: Set<ObjectIdentifier> = []
    private var path: [String] = []
    private var pathIndex: [ObjectIdentifier: Int] = [:]

    mutating func search(from input: InputObjectType) {
        guard visited.insert(ObjectIdentifier(input)).inserted else { return }
        pathIndex[ObjectIdentifier(input)] = path.count
        for field in input.fields {
            guard case .nonNull(.named(.inputObject(let fieldType))) = field.type else { continue }
            path.append(field.name)
            if let start = pathIndex[ObjectIdentifier(fieldType)] {
                let cycle = path[start...].joined(separator: ".")
                messages.append("Cannot reference Input Object \"\(fieldType.name)\" within itself through a series of non-null fields: \"\(cycle)\".")
            } else {
                search(from: fieldType)
            }
            path.removeLast()
        }
        pathIndex[ObjectIdentifier(input)] = nil
    }
}
