/// A field of an object or interface type (spec 3.6 FieldsDefinition).
///
/// A class so that resolvers can be attached after the schema is built from SDL; like every type
/// of the model it may change only during the build phase (see ``GraphQLSchema``).
public final class FieldDefinition: @unchecked Sendable {
    /// The field name.
    public let name: String
    /// The description.
    public let description: String?
    /// The output type.
    public let type: TypeReference
    /// The arguments, in definition order.
    public let arguments: [InputValueDefinition]
    /// The reason given by `@deprecated`, or nil when the field is not deprecated.
    public let deprecationReason: String?
    /// How the field's value is produced; nil reads the field of the parent record.
    public private(set) var resolver: FieldResolver?
    /// For a subscription root field: creates the source event stream (spec 6.3.1).
    public private(set) var subscriber: SubscriptionResolver?
    /// The definition, for a field built from SDL.
    public let astNode: SDLNode<FieldDefinitionNode>?

    /// A field definition.
    public init(
        _ name: String,
        type: TypeReference,
        description: String? = nil,
        arguments: [InputValueDefinition] = [],
        deprecationReason: String? = nil,
        resolver: FieldResolver? = nil,
        subscriber: (SubscriptionResolver)? = nil,
        astNode: SDLNode<FieldDefinitionNode>? = nil
    ) {
        self.name = name
        self.type = type
        self.description = description
        self.arguments = arguments
        self.deprecationReason = deprecationReason
        self.resolver = resolver
        self.subscriber = subscriber
        self.astNode = astNode
    }

    /// True when `@deprecated` applies.
    public var isDeprecated: Bool { deprecationReason != nil }

    /// The directives applied in SDL.
    public var appliedDirectives: [DirectiveNode] { astNode?.node.directives ?? [] }

    /// The same field (resolvers included) with its type and argument types replaced: a copy for
    /// a schema that replaces the types it refers to (``extendSchema(_:sdl:validate:options:)``).
    func replacingTypes(_ replace: (TypeReference) -> TypeReference) -> FieldDefinition {
        FieldDefinition(
            name, type: replace(type), description: description,
            arguments: arguments.map { $0.replacingType(replace) }, deprecationReason: deprecationReason,
            resolver: resolver, subscriber: subscriber, astNode: astNode)
    }

    /// The argument `name`.
    public func argument(named name: String) -> InputValueDefinition? {
        arguments.first { $0.name == name }
    }

    /// Build phase only: sets the resolver.
    public func attach(_ resolver: FieldResolver) {
        self.resolver = resolver
    }

    /// Build phase only: sets the source stream resolver of a subscription field.
    public func attach(subscriber: @escaping SubscriptionResolver) {
        self.subscriber = subscriber
    }
}

/// An argument, input object field or directive argument (spec 3.6.1 InputValueDefinition).
public struct InputValueDefinition: Sendable {
    /// The name.
    public let name: String
    /// The description.
    public let description: String?
    /// The input type.
    public let type: TypeReference
    /// The default value, already coerced to the internal representation (as graphql-js v16 keeps
    /// it); nil when there is none. `.some(.null)` is an explicit `= null` default.
    public let defaultValue: GraphQLValue?
    /// The reason given by `@deprecated`, or nil.
    public let deprecationReason: String?
    /// The definition, for an input value built from SDL.
    public let astNode: SDLNode<InputValueDefinitionNode>?

    /// An input value definition.
    public init(
        _ name: String,
        type: TypeReference,
        description: String? = nil,
        defaultValue: GraphQLValue? = nil,
        deprecationReason: String? = nil,
        astNode: SDLNode<InputValueDefinitionNode>? = nil
    ) {
        self.name = name
        self.type = type
        self.description = description
        self.defaultValue = defaultValue
        self.deprecationReason = deprecationReason
        self.astNode = astNode
    }

    /// The directives applied in SDL.
    public var appliedDirectives: [DirectiveNode] { astNode?.node.directives ?? [] }

    /// The same input value with its type replaced.
    func replacingType(_ replace: (TypeReference) -> TypeReference) -> InputValueDefinition {
        InputValueDefinition(
            name, type: replace(type), description: description, defaultValue: defaultValue,
            deprecationReason: deprecationReason, astNode: astNode)
    }

    /// The same input value with another default value.
    func withDefault(_ value: GraphQLValue?) -> InputValueDefinition {
        InputValueDefinition(
            name, type: type, description: description, defaultValue: value,
            deprecationReason: deprecationReason, astNode: astNode)
    }

    /// True when `@deprecated` applies.
    public var isDeprecated: Bool { deprecationReason != nil }

    /// A non-null input without a default must be given (spec "required").
    public var isRequired: Bool { type.isNonNull && defaultValue == nil }
}

/// A name-to-field index kept beside an ordered field list: lookup by name, iteration in
/// definition order (introspection and printing need that order).
struct FieldTable<Field>: Sendable where Field: Sendable {
    private(set) var ordered: [Field]
    private var byName: [String: Int]

    init(_ fields: [Field], name: (Field) -> String) {
        ordered = fields
        byName = [:]
        byName.reserveCapacity(fields.count)
        for (index, field) in fields.enumerated() where byName[name(field)] == nil {
            byName[name(field)] = index
        }
    }

    subscript(name: String) -> Field? {
        guard let index = byName[name] else { return nil }
        return ordered[index]
    }
}
