/// Names the object type of `value` (a type name in the schema), or nil when unknown.
/// The second argument is the request's context.
public typealias ResolveType = @Sendable (_ value: GraphQLValue, _ context: any Sendable) throws -> String?

/// Whether `value` is of the object type that carries this test.
public typealias IsTypeOf = @Sendable (_ value: GraphQLValue, _ context: any Sendable) throws -> Bool
