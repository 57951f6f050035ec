// Extending a schema (graphql-js `extendSchemaImpl`): the base schema's types are copied with the
// document's extensions, and everything they refer to is redirected to the copies, so that the
// base schema stays as it was while the new one changes.

extension SchemaBuilder {
    /// A copy of a type of the base schema, before any type is wired: what it has besides fields,
    /// interfaces, members and input fields (resolvers, `isTypeOf`, `resolveType`, coercion),
    /// plus the document's extensions. Scalars and enums refer to no other type, so they stay the
    /// same when the document leaves them alone.
    mutating func copy(_ type: NamedType) -> NamedType {
        let name = type.name
        let nodes = extensions[name] ?? []
        switch type {
        case .scalar(let scalar):
            if nodes.isEmpty { return type }
            return .scalar(scalar.extended(by: extensionNodes(of: name), specifiedByURL: specifiedByURL(nodes.flatMap(\.directives))))
        case .object(let object):
            return .object(ObjectType(
                name, description: object.description, isTypeOf: object.isTypeOf, astNode: object.astNode,
                extensionASTNodes: object.extensionASTNodes + extensionNodes(of: name)))
        case .interface(let interface):
            return .interface(InterfaceType(
                name, description: interface.description, resolveType: interface.resolveType, astNode: interface.astNode,
                extensionASTNodes: interface.extensionASTNodes + extensionNodes(of: name)))
        case .union(let union):
            return .union(UnionType(
                name, description: union.description, resolveType: union.resolveType, astNode: union.astNode,
                extensionASTNodes: union.extensionASTNodes + extensionNodes(of: name)))
        case .enum(let enumeration):
            if nodes.isEmpty { return type }
            return .enum(EnumType(
                name, description: enumeration.description, values: enumValues(of: name, nodes, inheriting: enumeration.values),
                astNode: enumeration.astNode, extensionASTNodes: enumeration.extensionASTNodes + extensionNodes(of: name)))
        case .inputObject(let input):
            return .inputObject(InputObjectType(
                name, description: input.description, isOneOf: input.isOneOf || isOneOf(nodes.flatMap(\.directives)),
                astNode: input.astNode, extensionASTNodes: input.extensionASTNodes + extensionNodes(of: name)))
        }
    }

    /// A type reference of the base schema, to the copies.
    func replaced(_ reference: TypeReference) -> TypeReference {
        switch reference {
        case .named(let type): .named(types[type.name] ?? type)
        case .list(let inner): .list(replaced(inner))
        case .nonNull(let inner): .nonNull(replaced(inner))
        }
    }

    /// The fields of a base object or interface type, to the copies.
    func inheritedFields(of base: NamedType?) -> [FieldDefinition] {
        (base?.fields ?? []).map { $0.replacingTypes { replaced($0) } }
    }

    /// The interfaces a base object or interface type implements, as copies.
    func inheritedInterfaces(of base: NamedType?) -> [InterfaceType] {
        let interfaces: [InterfaceType]
        switch base {
        case .object(let object)?: interfaces = object.interfaces
        case .interface(let interface)?: interfaces = interface.interfaces
        default: return []
        }
        return interfaces.compactMap { interface in
            if case .interface(let copy)? = types[interface.name] { return copy }
            return nil
        }
    }

    /// The members of a base union, as copies.
    func inheritedMembers(of base: NamedType?) -> [ObjectType] {
        guard case .union(let union)? = base else { return [] }
        return union.members.compactMap { member in
            if case .object(let copy)? = types[member.name] { return copy }
            return nil
        }
    }

    /// The fields of a base input object, to the copies; their defaults are coerced already.
    func inheritedInputFields(of base: NamedType?) -> [InputValueDefinition] {
        guard case .inputObject(let input)? = base else { return [] }
        return input.fields.map { $0.replacingType { replaced($0) } }
    }
}
