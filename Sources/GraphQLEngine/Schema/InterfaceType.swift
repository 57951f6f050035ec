/// An interface type (spec 3.7); it may implement other interfaces.
public final class InterfaceType: ImplementingType, @unchecked Sendable {
    public let name: String
    public let description: String?
    public let fieldSet: FieldSet
    /// Names the concrete object type of a resolved value.
    public private(set) var resolveType: ResolveType?
    /// The definition, for a type built from SDL.
    public let astNode: SDLNode<InterfaceTypeDefinitionNode>?
    /// The extensions applied to it (`extend interface`).
    public let extensionASTNodes: [SDLNode<InterfaceTypeDefinitionNode>]

    /// An interface type; fields can also be given later with ``define(fields:interfaces:)``.
    public init(
        _ name: String,
        description: String? = nil,
        fields: [FieldDefinition] = [],
        interfaces: [InterfaceType] = [],
        resolveType: ResolveType? = nil,
        astNode: SDLNode<InterfaceTypeDefinitionNode>? = nil,
        extensionASTNodes: [SDLNode<InterfaceTypeDefinitionNode>] = []
    ) {
        self.name = name
        self.description = description
        self.fieldSet = FieldSet(fields: fields, interfaces: interfaces)
        self.resolveType = resolveType
        self.astNode = astNode
        self.extensionASTNodes = extensionASTNodes
    }

    /// The directives applied in SDL by the definition and then its extensions.
    public var appliedDirectives: [DirectiveNode] { SDLNode.directives(astNode, extensionASTNodes) }

    /// Build phase only: sets `resolveType`.
    public func attach(resolveType: @escaping ResolveType) {
        self.resolveType = resolveType
    }
}
