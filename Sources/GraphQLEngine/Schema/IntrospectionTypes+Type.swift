// The fields of `__Type` (spec 4.5.2 "The __Type Type"): which of them are non-null depends on
// the kind.

extension IntrospectionTypes {
    static func typeFields(_ types: IntrospectionTypes, _ includeDeprecated: InputValueDefinition) -> [FieldDefinition] {
        let typeRef = TypeReference.object(types.type)
        let typeList = TypeReference.list(.nonNull(typeRef))
        return [
            FieldDefinition("kind", type: .nonNull(.enum(types.typeKind)), resolver: introspect { (type: TypeReference, _) in
                .string(type.kindName)
            }),
            FieldDefinition("name", type: .scalar(.string), resolver: introspect { (type: TypeReference, _) in
                optional(type.named?.name)
            }),
            FieldDefinition("description", type: .scalar(.string), resolver: introspect { (type: TypeReference, _) in
                optional(type.named?.description)
            }),
            FieldDefinition("specifiedByURL", type: .scalar(.string), resolver: introspect { (type: TypeReference, _) in
                guard case .scalar(let scalar)? = type.named else { return .null }
                return optional(scalar.specifiedByURL)
            }),
            FieldDefinition("fields", type: .list(.nonNull(.object(types.field))), arguments: [includeDeprecated],
                            resolver: introspect { (type: TypeReference, batch) in
                                guard let fields = type.named?.fields else { return .null }
                                return introspected(fields.filter { includesDeprecated(batch) || !$0.isDeprecated })
                            }),
            FieldDefinition("interfaces", type: typeList, resolver: introspect { (type: TypeReference, _) in
                switch type.named {
                case .object(let object)?: introspected(object.interfaces.map(TypeReference.interface))
                case .interface(let interface)?: introspected(interface.interfaces.map(TypeReference.interface))
                default: .null
                }
            }),
            FieldDefinition("possibleTypes", type: typeList, resolver: introspect { (type: TypeReference, batch) in
                guard let named = type.named, named.isAbstract else { return .null }
                return introspected(batch.schema.possibleTypes(of: named).map(TypeReference.object))
            }),
            FieldDefinition("enumValues", type: .list(.nonNull(.object(types.enumValue))), arguments: [includeDeprecated],
                            resolver: introspect { (type: TypeReference, batch) in
                                guard case .enum(let enumeration)? = type.named else { return .null }
                                return introspected(enumeration.values.filter { includesDeprecated(batch) || !$0.isDeprecated })
                            }),
            FieldDefinition("inputFields", type: .list(.nonNull(.object(types.inputValue))), arguments: [includeDeprecated],
                            resolver: introspect { (type: TypeReference, batch) in
                                guard case .inputObject(let input)? = type.named else { return .null }
                                return introspected(input.fields.filter { includesDeprecated(batch) || !$0.isDeprecated })
                            }),
            FieldDefinition("ofType", type: typeRef, resolver: introspect { (type: TypeReference, _) in
                switch type {
                case .list(let inner), .nonNull(let inner): .host(Introspected(inner))
                case .named: .null
                }
            }),
            FieldDefinition("isOneOf", type: .scalar(.boolean), resolver: introspect { (type: TypeReference, _) in
                guard case .inputObject(let input)? = type.named else { return .null }
                return .boolean(input.isOneOf)
            }),
        ]
    }
}

extension TypeReference {
    /// The named type when this is not a wrapper.
    var named: NamedType? {
        if case .named(let type) = self { return type }
        return nil
    }

    /// The `__TypeKind` value of this type.
    var kindName: String {
        switch self {
        case .list: "LIST"
        case .nonNull: "NON_NULL"
        case .named(.scalar): "SCALAR"
        case .named(.object): "OBJECT"
        case .named(.interface): "INTERFACE"
        case .named(.union): "UNION"
        case .named(.enum): "ENUM"
        case .named(.inputObject): "INPUT_OBJECT"
        }
    }
}
