/// An enum type (spec 3.9): a leaf whose values are names.
public final class EnumType: Sendable {
    /// The type name.
    public let name: String
    /// The description.
    public let description: String?
    /// The values in definition order.
    public let values: [EnumValueDefinition]
    private let byName: [String: Int]
    /// True when every internal value is its name as a string, so serializing is a name lookup.
    private let internalValuesAreNames: Bool
    /// The definition, for a type built from SDL.
    public let astNode: SDLNode<EnumTypeDefinitionNode>?
    /// The extensions applied to it (`extend enum`).
    public let extensionASTNodes: [SDLNode<EnumTypeDefinitionNode>]

    /// An enum type with the given values.
    public init(
        _ name: String,
        description: String? = nil,
        values: [EnumValueDefinition],
        astNode: SDLNode<EnumTypeDefinitionNode>? = nil,
        extensionASTNodes: [SDLNode<EnumTypeDefinitionNode>] = []
    ) {
        self.name = name
        self.description = description
        self.values = values
        self.astNode = astNode
        self.extensionASTNodes = extensionASTNodes
        var byName: [String: Int] = [:]
        for (index, value) in values.enumerated() where byName[value.name] == nil {
            byName[value.name] = index
        }
        self.byName = byName
        self.internalValuesAreNames = values.allSatisfy { $0.value == .string($0.name) }
    }

    /// The directives applied in SDL by the definition and then its extensions.
    public var appliedDirectives: [DirectiveNode] { SDLNode.directives(astNode, extensionASTNodes) }

    /// The value named `name`.
    public func value(named name: String) -> EnumValueDefinition? {
        byName[name].map { values[$0] }
    }

    /// Result coercion: the name of the value whose internal value is `internalValue`.
    public func serialize(_ internalValue: GraphQLValue) throws(GraphQLError) -> String {
        if internalValuesAreNames {
            if case .string(let name) = internalValue, byName[name] != nil { return name }
        } else if let match = values.first(where: { $0.value == internalValue }) {
            return match.name
        }
        throw GraphQLError("Enum \"\(name)\" cannot represent value: \(inspect(internalValue))")
    }

    /// Input coercion of a variable value: a value name as a string.
    public func parseValue(_ input: GraphQLValue) throws(GraphQLError) -> GraphQLValue {
        guard case .string(let valueName) = input else {
            throw GraphQLError("Enum \"\(name)\" cannot represent non-string value: \(inspect(input)).")
        }
        guard let match = value(named: valueName) else {
            throw GraphQLError("Value \"\(valueName)\" does not exist in \"\(name)\" enum.")
        }
        return match.value
    }

    /// Input coercion of a literal: an enum value name.
    public func parseLiteral(_ literal: ValueNode) throws(GraphQLError) -> GraphQLValue {
        guard case .enumValue(let valueName, _) = literal else {
            throw GraphQLError("Enum \"\(name)\" cannot represent non-enum value: \(print(literal)).")
        }
        guard let match = value(named: valueName) else {
            throw GraphQLError("Value \"\(valueName)\" does not exist in \"\(name)\" enum.")
        }
        return match.value
    }
}

/// One value of an enum type (spec 3.9 EnumValueDefinition).
public struct EnumValueDefinition: Sendable {
    /// The name as written in documents and responses.
    public let name: String
    /// The description.
    public let description: String?
    /// The value resolvers see and return; by default the name as a string.
    public let value: GraphQLValue
    /// The reason given by `@deprecated`, or nil.
    public let deprecationReason: String?
    /// The definition, for a value built from SDL.
    public let astNode: SDLNode<EnumValueDefinitionNode>?

    /// An enum value.
    public init(
        _ name: String,
        description: String? = nil,
        value: GraphQLValue? = nil,
        deprecationReason: String? = nil,
        astNode: SDLNode<EnumValueDefinitionNode>? = nil
    ) {
        self.name = name
        self.description = description
        self.value = value ?? .string(name)
        self.deprecationReason = deprecationReason
        self.astNode = astNode
    }

    /// The directives applied in SDL.
    public var appliedDirectives: [DirectiveNode] { astNode?.node.directives ?? [] }

    /// True when `@deprecated` applies.
    public var isDeprecated: Bool { deprecationReason != nil }
}
