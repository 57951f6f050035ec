/// The type-system validation of a schema (spec 3, "Type Validation" of each kind; graphql-js
/// `validateSchema`), with graphql-js's messages. An empty result means the schema is valid.
///
/// Not implemented yet: every schema passes for now.
public func validateSchema(_ schema: GraphQLSchema) -> [GraphQLError] {
    []
}
