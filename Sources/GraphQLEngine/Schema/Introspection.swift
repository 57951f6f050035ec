/// Schema introspection (spec section 4): the meta-fields `__schema`, `__type` and `__typename`
/// and the introspection types, shared by every schema.
///
/// Introspection values travel through the executor as `.host` values wrapping the model
/// (a schema, a type reference, a field, ...); every introspection field has a resolver that
/// unwraps its parent, so the executor needs no special case beyond adding the meta-fields.
public enum Introspection {
    /// `__schema: __Schema!`, a field of the query root type (spec 4.2).
    public static let schemaField = FieldDefinition(
        "__schema", type: .nonNull(.object(introspection.schema)),
        description: "The schema of this server.",
        resolver: .each { _, batch in .host(Introspected(batch.schema)) })

    /// `__type(name: String!): __Type`, a field of the query root type (spec 4.2).
    public static let typeField = FieldDefinition(
        "__type", type: .object(introspection.type),
        description: "The type with the given name, or null when there is none.",
        arguments: [InputValueDefinition("name", type: .nonNull(.scalar(.string)))],
        resolver: .each { _, batch in
            guard let name = batch.arguments["name"]?.stringValue, let type = batch.schema.type(named: name) else {
                return .null
            }
            return .host(Introspected(TypeReference.named(type)))
        })

    /// `__typename: String!`, a field of every object, interface and union (spec 4.4); resolves
    /// to the name of the object type the parent has.
    public static let typenameField = FieldDefinition(
        "__typename", type: .nonNull(.scalar(.string)),
        description: "The name of the object type of this value.",
        resolver: .each { _, batch in .string(batch.parentType.name) })

    /// The meta-field `name` where it applies: `__typename` on every composite type, `__schema`
    /// and `__type` on the query root only.
    public static func metaField(named name: String, on parent: NamedType, in schema: GraphQLSchema) -> FieldDefinition? {
        switch name {
        case "__typename":
            return parent.isComposite ? typenameField : nil
        case "__schema", "__type":
            guard case .object(let object) = parent, object === schema.queryType else { return nil }
            return name == "__schema" ? schemaField : typeField
        default:
            return nil
        }
    }

    /// The introspection types in graphql-js's order: `__Schema`, `__Type`, `__TypeKind`,
    /// `__Field`, `__InputValue`, `__EnumValue`, `__Directive`, `__DirectiveLocation`.
    public static let types: [NamedType] = [
        .object(introspection.schema), .object(introspection.type), .enum(introspection.typeKind),
        .object(introspection.field), .object(introspection.inputValue), .object(introspection.enumValue),
        .object(introspection.directive), .enum(introspection.directiveLocation),
    ]

    /// `__Schema`, the root of the introspection types.
    public static var schemaType: ObjectType { introspection.schema }

    /// True for the introspection types themselves (`__Schema`, `__Type`, ...).
    public static func isIntrospectionType(_ type: NamedType) -> Bool {
        types.contains(type)
    }
}

/// A model value travelling through the executor as the parent of introspection fields.
final class Introspected<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}

/// A resolver of an introspection field whose parent is an `Introspected<Value>`.
func introspect<Value: Sendable>(
    _ body: @escaping @Sendable (Value, FieldBatch) throws -> GraphQLValue
) -> FieldResolver {
    .each { parent, batch in
        guard case .host(let object) = parent, let box = object as? Introspected<Value> else {
            throw GraphQLError("Introspection field \"\(batch.field.name)\" got a value of another kind.")
        }
        return try body(box.value, batch)
    }
}

/// `.host` values for model values, one per element.
func introspected<Value: Sendable>(_ values: some Sequence<Value>) -> GraphQLValue {
    .list(values.map { .host(Introspected($0)) })
}
