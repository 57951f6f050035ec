// Spec 3.6.1 "Type Validation" of objects and 3.7.1 of interfaces: fields, their arguments, and
// the rules of implementing interfaces (spec 3.6.1 IsValidImplementation).

extension TypeSystemValidation {
    /// The fields of an object or interface type.
    mutating func validateFields(_ fields: [FieldDefinition], of type: NamedType) {
        let typeName = type.name
        if fields.isEmpty { report("Type \(typeName) must define one or more fields.", at: type.allDefinitionPositions) }
        for field in fields {
            validateName(field.name, at: field.astNode?.position)
            if !field.type.isOutputType {
                report("The type of \(typeName).\(field.name) must be Output Type but got: \(field.type).", at: [field.typePosition])
            }
            for argument in field.arguments {
                validateName(argument.name, at: argument.astNode?.position)
                validateArgument(argument, owner: "\(typeName).\(field.name)", typePosition: argument.typePosition)
            }
        }
    }

    /// `type` is an object or interface type implementing `interfaces`.
    mutating func validateInterfaces(_ interfaces: [InterfaceType], of type: NamedType) {
        var seen: Set<ObjectIdentifier> = []
        for interface in interfaces {
            if case .interface(let itself) = type, itself === interface {
                report("Type \(type.name) cannot implement itself because it would create a circular reference.",
                       at: type.implementsPositions(interface.name))
                continue
            }
            guard seen.insert(ObjectIdentifier(interface)).inserted else {
                report("Type \(type.name) can only implement \(interface.name) once.", at: type.implementsPositions(interface.name))
                continue
            }
            validateAncestors(of: type, interfaces, through: interface)
            validateImplementation(of: type, interface)
        }
    }

    /// Spec: "If the implemented interface itself implements interfaces, the type must
    /// implement them too" (transitively, without cycles).
    private mutating func validateAncestors(of type: NamedType, _ interfaces: [InterfaceType], through interface: InterfaceType) {
        for transitive in interface.interfaces where !interfaces.contains(where: { $0 === transitive }) {
            let positions = NamedType.interface(interface).implementsPositions(transitive.name) + type.implementsPositions(interface.name)
            if case .interface(let itself) = type, itself === transitive {
                report("Type \(type.name) cannot implement \(interface.name) because it would create a circular reference.", at: positions)
            } else {
                report("Type \(type.name) must implement \(transitive.name) because it is implemented by \(interface.name).", at: positions)
            }
        }
    }

    /// Spec IsValidImplementation: every interface field is present with a covariant type and
    /// the same arguments; extra arguments are optional.
    private mutating func validateImplementation(of type: NamedType, _ interface: InterfaceType) {
        for interfaceField in interface.fields {
            let fieldName = interfaceField.name
            guard let field = type.field(named: fieldName) else {
                report("Interface field \(interface.name).\(fieldName) expected but \(type.name) does not provide it.",
                       at: [interfaceField.astNode?.position] + type.allDefinitionPositions)
                continue
            }
            if !field.type.isSubType(of: interfaceField.type, in: schema) {
                report("Interface field \(interface.name).\(fieldName) expects type \(interfaceField.type) but \(type.name).\(fieldName) is type \(field.type).",
                       at: [interfaceField.typePosition, field.typePosition])
            }
            for interfaceArgument in interfaceField.arguments {
                let argumentName = interfaceArgument.name
                guard let argument = field.argument(named: argumentName) else {
                    report("Interface field argument \(interface.name).\(fieldName)(\(argumentName):) expected but \(type.name).\(fieldName) does not provide it.",
                           at: [interfaceArgument.astNode?.position, field.astNode?.position])
                    continue
                }
                if argument.type != interfaceArgument.type {
                    report("Interface field argument \(interface.name).\(fieldName)(\(argumentName):) expects type \(interfaceArgument.type) but \(type.name).\(fieldName)(\(argumentName):) is type \(argument.type).",
                           at: [interfaceArgument.typePosition, argument.typePosition])
                }
            }
            for argument in field.arguments where argument.isRequired && interfaceField.argument(named: argument.name) == nil {
                report("Object field \(type.name).\(fieldName) includes required argument \(argument.name) that is missing from the Interface field \(interface.name).\(fieldName).",
                       at: [argument.astNode?.position, interfaceField.astNode?.position])
            }
        }
    }
}

extension FieldDefinition {
    /// Where the field's type is written.
    var typePosition: SourcePosition? {
        astNode.map { $0.position(of: $0.node.type.loc) }
    }
}
