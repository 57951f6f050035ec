// Spec 3.8.1 "Type Validation" of unions, 3.9.1 of enums and 3.10.1 of input objects
// (including OneOf input objects and cycles of non-null fields).

extension TypeSystemValidation {
    mutating func validateMembers(of union: UnionType) {
        if union.members.isEmpty {
            report("Union type \(union.name) must define one or more member types.", at: NamedType.union(union).allDefinitionPositions)
        }
        var seen: Set<ObjectIdentifier> = []
        for member in union.members where !seen.insert(ObjectIdentifier(member)).inserted {
            report("Union type \(union.name) can only include type \(member.name) once.",
                   at: SDLNode.positions(union.astNode, union.extensionASTNodes, of: \.types, named: member.name))
        }
    }

    mutating func validateValues(of enumeration: EnumType) {
        if enumeration.values.isEmpty {
            report("Enum type \(enumeration.name) must define one or more values.", at: NamedType.enum(enumeration).allDefinitionPositions)
        }
        for value in enumeration.values {
            validateName(value.name, at: value.astNode?.position)
            if ["true", "false", "null"].contains(value.name) {
                report("Enum type \(enumeration.name) cannot include value: \(value.name).", at: [value.astNode?.position])
            }
        }
    }

    mutating func validateFields(of input: InputObjectType) {
        if input.fields.isEmpty {
            report("Input Object type \(input.name) must define one or more fields.", at: NamedType.inputObject(input).allDefinitionPositions)
        }
        for field in input.fields {
            validateName(field.name, at: field.astNode?.position)
            if !field.type.isInputType {
                report("The type of \(input.name).\(field.name) must be Input Type but got: \(field.type).", at: [field.typePosition])
            }
            if field.isRequired && field.isDeprecated {
                report("Required input field \(input.name).\(field.name) cannot be deprecated.",
                       at: [field.deprecatedPosition, field.typePosition])
            }
            if input.isOneOf {
                if field.type.isNonNull {
                    report("OneOf input field \(input.name).\(field.name) must be nullable.", at: [field.typePosition])
                }
                if field.defaultValue != nil {
                    report("OneOf input field \(input.name).\(field.name) cannot have a default value.", at: [field.astNode?.position])
                }
            }
        }
        inputCycles.cycles = []
        inputCycles.search(from: input)
        for cycle in inputCycles.cycles {
            let path = cycle.fields.map(\.name).joined(separator: ".")
            report("Cannot reference Input Object \"\(cycle.type.name)\" within itself through a series of non-null fields: \"\(path)\".",
                   at: cycle.fields.map { $0.astNode?.position })
        }
    }
}

/// Spec 3.10.1: "If an Input Object references itself either directly or through referenced
/// Input Objects, at least one of the fields in the chain of references must be either a
/// nullable or a List type." A depth-first walk over non-null input object fields, recording
/// each cycle that returns to a type on the current path; types are visited once per schema, so
/// each cycle is reported once (graphql-js `validateInputObjectCircularRefs`).
struct InputCycleSearch {
    /// A cycle: the input object it returns to, and the fields leading back to it.
    struct Cycle {
        let type: InputObjectType
        let fields: [InputValueDefinition]
    }

    var cycles: [Cycle] = []
    private var visited: Set<ObjectIdentifier> = []
    private var path: [InputValueDefinition] = []
    private var pathIndex: [ObjectIdentifier: Int] = [:]

    mutating func search(from input: InputObjectType) {
        guard visited.insert(ObjectIdentifier(input)).inserted else { return }
        pathIndex[ObjectIdentifier(input)] = path.count
        for field in input.fields {
            guard case .nonNull(.named(.inputObject(let fieldType))) = field.type else { continue }
            path.append(field)
            if let start = pathIndex[ObjectIdentifier(fieldType)] {
                cycles.append(Cycle(type: fieldType, fields: Array(path[start...])))
            } else {
                search(from: fieldType)
            }
            path.removeLast()
        }
        pathIndex[ObjectIdentifier(input)] = nil
    }
}
