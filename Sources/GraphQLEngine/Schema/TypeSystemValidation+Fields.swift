// Spec 3.6.1 "Type Validation" of objects and 3.7.1 of interfaces: fields, their arguments, and
// the rules of implementing interfaces (spec 3.6.1 IsValidImplementation).

extension TypeSystemValidation {
    mutating func validateFields(_ fields: [FieldDefinition], of typeName: String) {
        if fields.isEmpty { report("Type \(typeName) must define one or more fields.") }
        for field in fields {
            validateName(field.name)
            if !field.type.isOutputType {
                report("The type of \(typeName).\(field.name) must be Output Type but got: \(field.type).")
            }
            for argument in field.arguments {
                validateName(argument.name)
                validateArgument(argument, owner: "\(typeName).\(field.name)")
            }
        }
    }

    /// `type` is an object or interface type implementing `interfaces`.
    mutating func validateInterfaces(_ interfaces: [InterfaceType], of type: NamedType) {
        var seen: Set<ObjectIdentifier> = []
        for interface in interfaces {
            if case .interface(let itself) = type, itself === interface {
                report("Type \(type.name) cannot implement itself because it would create a circular reference.")
                continue
            }
            guard seen.insert(ObjectIdentifier(interface)).inserted else {
                report("Type \(type.name) can only implement \(interface.name) once.")
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
            if case .interface(let itself) = type, itself === transitive {
                report("Type \(type.name) cannot implement \(interface.name) because it would create a circular reference.")
            } else {
                report("Type \(type.name) must implement \(transitive.name) because it is implemented by \(interface.name).")
            }
        }
    }

    /// Spec IsValidImplementation: every interface field is present with a covariant type and
    /// the same arguments; extra arguments are optional.
    private mutating func validateImplementation(of type: NamedType, _ interface: InterfaceType) {
        for interfaceField in interface.fields {
            let fieldName = interfaceField.name
            guard let field = type.field(named: fieldName) else {
                report("Interface field \(interface.name).\(fieldName) expected but \(type.name) does not provide it.")
                continue
            }
            if !field.type.isSubType(of: interfaceField.type, in: schema) {
                report("Interface field \(interface.name).\(fieldName) expects type \(interfaceField.type) but \(type.name).\(fieldName) is type \(field.type).")
            }
            for interfaceArgument in interfaceField.arguments {
                let argumentName = interfaceArgument.name
                guard let argument = field.argument(named: argumentName) else {
                    report("Interface field argument \(interface.name).\(fieldName)(\(argumentName):) expected but \(type.name).\(fieldName) does not provide it.")
                    continue
                }
                if argument.type != interfaceArgument.type {
                    report("Interface field argument \(interface.name).\(fieldName)(\(argumentName):) expects type \(interfaceArgument.type) but \(type.name).\(fieldName)(\(argumentName):) is type \(argument.type).")
                }
            }
            for argument in field.arguments where argument.isRequired && interfaceField.argument(named: argument.name) == nil {
                report("Object field \(type.name).\(fieldName) includes required argument \(argument.name) that is missing from the Interface field \(interface.name).\(fieldName).")
            }
        }
    }
}
