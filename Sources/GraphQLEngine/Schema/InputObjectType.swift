/// An input object type (spec 3.10), possibly a OneOf input object (`@oneOf`: exactly one field
/// must be given, and it must not be null).
///
/// Fields may refer back to this type, so they may be set with ``define(fields:)`` during the
/// build phase.
public final class InputObjectType: @unchecked Sendable {
    /// The type name.
    public let name: String
    /// The description.
    public let description: String?
    /// True for a `@oneOf` input object.
    public let isOneOf: Bool
    private var table: FieldTable<InputValueDefinition>
    /// The definition, for a type built from SDL.
    public let astNode: SDLNode<InputObjectTypeDefinitionNode>?
    /// The extensions applied to it (`extend input`).
    public let extensionASTNodes: [SDLNode<InputObjectTypeDefinitionNode>]

    /// An input object type.
    public init(
        _ name: String,
        description: String? = nil,
        fields: [InputValueDefinition] = [],
        isOneOf: Bool = false,
        astNode: SDLNode<InputObjectTypeDefinitionNode>? = nil,
        extensionASTNodes: [SDLNode<InputObjectTypeDefinitionNode>] = []
    ) {
        self.name = name
        self.description = description
        self.isOneOf = isOneOf
        self.table = FieldTable(fields, name: \.name)
        self.astNode = astNode
        self.extensionASTNodes = extensionASTNodes
    }

    /// The directives applied in SDL by the definition and then its extensions.
    public var appliedDirectives: [DirectiveNode] { SDLNode.directives(astNode, extensionASTNodes) }

    /// The fields in definition order.
    public var fields: [InputValueDefinition] { table.ordered }

    /// The field `name`.
    public func field(named name: String) -> InputValueDefinition? { table[name] }

    /// Build phase only: replaces the fields.
    public func define(fields: [InputValueDefinition]) {
        table = FieldTable(fields, name: \.name)
    }
}
