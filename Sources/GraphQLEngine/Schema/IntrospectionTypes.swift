// The introspection types of spec 4.5 "Schema Introspection Schema", with resolvers over the
// schema model. Field order follows the spec's (and graphql-js's) definitions.

/// The introspection types, created once; they refer to each other, so they are made together.
let introspection = IntrospectionTypes()

struct IntrospectionTypes: Sendable {
    let schema = ObjectType("__Schema", description: "A GraphQL schema: its types, root operation types and directives.")
    let type = ObjectType("__Type", description: "A type of the schema, or a list or non-null wrapper of one; `kind` tells which.")
    let field = ObjectType("__Field", description: "A field of an object or interface type.")
    let inputValue = ObjectType("__InputValue", description: "An argument or input object field, with its default value as a GraphQL literal.")
    let enumValue = ObjectType("__EnumValue", description: "A value of an enum type.")
    let directive = ObjectType("__Directive", description: "A directive the schema supports, where it may be used and its arguments.")
    let typeKind = EnumType("__TypeKind", description: "The kinds of `__Type`.", values: [
        EnumValueDefinition("SCALAR", description: "A scalar type."),
        EnumValueDefinition("OBJECT", description: "An object type."),
        EnumValueDefinition("INTERFACE", description: "An interface type."),
        EnumValueDefinition("UNION", description: "A union type."),
        EnumValueDefinition("ENUM", description: "An enum type."),
        EnumValueDefinition("INPUT_OBJECT", description: "An input object type."),
        EnumValueDefinition("LIST", description: "A list; `ofType` is the item type."),
        EnumValueDefinition("NON_NULL", description: "A non-null type; `ofType` is the nullable type."),
    ])
    let directiveLocation = EnumType(
        "__DirectiveLocation", description: "Where a directive may be used.",
        values: DirectiveLocation.allCases.map { EnumValueDefinition($0.rawValue) })

    init() {
        let typeRef = TypeReference.object(type)
        let includeDeprecated = InputValueDefinition("includeDeprecated", type: .scalar(.boolean), defaultValue: false)
        let nonNullString = TypeReference.nonNull(.scalar(.string))
        let nonNullBoolean = TypeReference.nonNull(.scalar(.boolean))
        let inputValues = TypeReference.list(.nonNull(.object(inputValue)))

        schema.define(fields: [
            FieldDefinition("description", type: .scalar(.string), resolver: introspect { (schema: GraphQLSchema, _) in
                optional(schema.description)
            }),
            FieldDefinition("types", type: .nonNull(.list(.nonNull(typeRef))), resolver: introspect { (schema: GraphQLSchema, _) in
                introspected(schema.types.map(TypeReference.named))
            }),
            FieldDefinition("queryType", type: .nonNull(typeRef), resolver: introspect { (schema: GraphQLSchema, _) in
                rootType(schema.queryType)
            }),
            FieldDefinition("mutationType", type: typeRef, resolver: introspect { (schema: GraphQLSchema, _) in
                rootType(schema.mutationType)
            }),
            FieldDefinition("subscriptionType", type: typeRef, resolver: introspect { (schema: GraphQLSchema, _) in
                rootType(schema.subscriptionType)
            }),
            FieldDefinition("directives", type: .nonNull(.list(.nonNull(.object(directive)))),
                            resolver: introspect { (schema: GraphQLSchema, _) in introspected(schema.directives) }),
        ])
        type.define(fields: Self.typeFields(self, includeDeprecated))
        field.define(fields: [
            FieldDefinition("name", type: nonNullString, resolver: introspect { (field: FieldDefinition, _) in .string(field.name) }),
            FieldDefinition("description", type: .scalar(.string), resolver: introspect { (field: FieldDefinition, _) in
                optional(field.description)
            }),
            FieldDefinition("args", type: .nonNull(inputValues), arguments: [includeDeprecated],
                            resolver: introspect { (field: FieldDefinition, batch) in
                                introspected(field.arguments.filter { includesDeprecated(batch) || !$0.isDeprecated })
                            }),
            FieldDefinition("type", type: .nonNull(typeRef), resolver: introspect { (field: FieldDefinition, _) in
                .host(Introspected(field.type))
            }),
            FieldDefinition("isDeprecated", type: nonNullBoolean, resolver: introspect { (field: FieldDefinition, _) in
                .boolean(field.isDeprecated)
            }),
            FieldDefinition("deprecationReason", type: .scalar(.string), resolver: introspect { (field: FieldDefinition, _) in
                optional(field.deprecationReason)
            }),
        ])
        inputValue.define(fields: [
            FieldDefinition("name", type: nonNullString, resolver: introspect { (value: InputValueDefinition, _) in .string(value.name) }),
            FieldDefinition("description", type: .scalar(.string), resolver: introspect { (value: InputValueDefinition, _) in
                optional(value.description)
            }),
            FieldDefinition("type", type: .nonNull(typeRef), resolver: introspect { (value: InputValueDefinition, _) in
                .host(Introspected(value.type))
            }),
            FieldDefinition("defaultValue", type: .scalar(.string), description: "The default value as a GraphQL literal.",
                            resolver: introspect { (value: InputValueDefinition, _) in
                                optional(value.defaultValue.flatMap { value.type.literal(for: $0) }.map { print($0) })
                            }),
            FieldDefinition("isDeprecated", type: nonNullBoolean, resolver: introspect { (value: InputValueDefinition, _) in
                .boolean(value.isDeprecated)
            }),
            FieldDefinition("deprecationReason", type: .scalar(.string), resolver: introspect { (value: InputValueDefinition, _) in
                optional(value.deprecationReason)
            }),
        ])
        enumValue.define(fields: [
            FieldDefinition("name", type: nonNullString, resolver: introspect { (value: EnumValueDefinition, _) in .string(value.name) }),
            FieldDefinition("description", type: .scalar(.string), resolver: introspect { (value: EnumValueDefinition, _) in
                optional(value.description)
            }),
            FieldDefinition("isDeprecated", type: nonNullBoolean, resolver: introspect { (value: EnumValueDefinition, _) in
                .boolean(value.isDeprecated)
            }),
            FieldDefinition("deprecationReason", type: .scalar(.string), resolver: introspect { (value: EnumValueDefinition, _) in
                optional(value.deprecationReason)
            }),
        ])
        directive.define(fields: [
            FieldDefinition("name", type: nonNullString, resolver: introspect { (directive: DirectiveDefinition, _) in
                .string(directive.name)
            }),
            FieldDefinition("description", type: .scalar(.string), resolver: introspect { (directive: DirectiveDefinition, _) in
                optional(directive.description)
            }),
            FieldDefinition("isRepeatable", type: nonNullBoolean, resolver: introspect { (directive: DirectiveDefinition, _) in
                .boolean(directive.isRepeatable)
            }),
            FieldDefinition("locations", type: .nonNull(.list(.nonNull(.enum(directiveLocation)))),
                            resolver: introspect { (directive: DirectiveDefinition, _) in
                                .list(directive.locations.map { .string($0.rawValue) })
                            }),
            FieldDefinition("args", type: .nonNull(inputValues), arguments: [includeDeprecated],
                            resolver: introspect { (directive: DirectiveDefinition, batch) in
                                introspected(directive.arguments.filter { includesDeprecated(batch) || !$0.isDeprecated })
                            }),
        ])
    }
}

/// A string or null.
func optional(_ text: String?) -> GraphQLValue {
    text.map(GraphQLValue.string) ?? .null
}

/// The `includeDeprecated` argument (false by default).
func includesDeprecated(_ batch: FieldBatch) -> Bool {
    batch.arguments["includeDeprecated"]?.boolValue ?? false
}

private func rootType(_ type: ObjectType?) -> GraphQLValue {
    type.map { .host(Introspected(TypeReference.object($0))) } ?? .null
}
