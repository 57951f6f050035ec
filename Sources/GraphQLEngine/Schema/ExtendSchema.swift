/// A new schema: `schema` with the definitions and extensions of a type-system document
/// (graphql-js `extendSchema`). New types and directives are added; `extend` adds fields,
/// interfaces, union members, enum values, input fields, directives and root operation types to
/// the schema's types. `schema` stays as it was: its types are copied (resolvers, `isTypeOf` and
/// `resolveType` included), since every type that refers to an extended one must change too.
///
/// Throws a ``SchemaError`` as ``buildSchema(sdl:validate:options:)`` does, with graphql-js's
/// messages for what the schema already has ("Field "Query.a" already exists in the schema. It
/// cannot also be defined in this type extension.", ...).
public func extendSchema(
    _ schema: GraphQLSchema, sdl: String, validate: Bool = true, options: ParseOptions = .schema
) throws(SchemaError) -> GraphQLSchema {
    try extendSchema(schema, document: try parseSDL(sdl, options: options), validate: validate)
}

/// Extends a schema with a parsed document; see ``extendSchema(_:sdl:validate:options:)``.
public func extendSchema(_ schema: GraphQLSchema, document: DocumentNode, validate: Bool = true) throws(SchemaError) -> GraphQLSchema {
    var builder = SchemaBuilder(source: document.source, extending: schema)
    return try builder.run(document, validate: validate)
}
