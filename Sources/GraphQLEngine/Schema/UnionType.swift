/// A union type (spec 3.8).
public final class UnionType: @unchecked Sendable {
    /// The type name.
    public let name: String
    /// The description.
    public let description: String?
    /// Names the concrete object type of a resolved value.
    public private(set) var resolveType: ResolveType?
    /// The member types, in declaration order.
    public private(set) var members: [ObjectType]
    /// The definition, for a type built from SDL.
    public let astNode: SDLNode<UnionTypeDefinitionNode>?
    /// The extensions applied to it (`extend union`).
    public let extensionASTNodes: [SDLNode<UnionTypeDefinitionNode>]

    /// A union type.
    public init(
        _ name: String,
        description: String? = nil,
        members: [ObjectType] = [],
        resolveType: ResolveType? = nil,
        astNode: SDLNode<UnionTypeDefinitionNode>? = nil,
        extensionASTNodes: [SDLNode<UnionTypeDefinitionNode>] = []
    ) {
        self.name = name
        self.description = description
        self.members = members
        self.resolveType = resolveType
        self.astNode = astNode
        self.extensionASTNodes = extensionASTNodes
    }

    /// The directives applied in SDL by the definition and then its extensions.
    public var appliedDirectives: [DirectiveNode] { SDLNode.directives(astNode, extensionASTNodes) }

    /// Build phase only: replaces the member types.
    public func define(members: [ObjectType]) {
        self.members = members
    }

    /// Build phase only: sets `resolveType`.
    public func attach(resolveType: @escaping ResolveType) {
        self.resolveType = resolveType
    }
}
