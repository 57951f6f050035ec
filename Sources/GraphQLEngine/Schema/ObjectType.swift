/// An object type (spec 3.6); fields, interfaces and field resolvers as ``ImplementingType``.
public final class ObjectType: ImplementingType, @unchecked Sendable {
    public let name: String
    public let description: String?
    public let fieldSet: FieldSet
    /// Decides whether a resolved value is of this type, for abstract fields without `resolveType`.
    public private(set) var isTypeOf: IsTypeOf?
    /// The definition, for a type built from SDL.
    public let astNode: SDLNode<ObjectTypeDefinitionNode>?
    /// The extensions applied to it (`extend type`).
    public let extensionASTNodes: [SDLNode<ObjectTypeDefinitionNode>]

    /// An object type; fields can also be given later with ``define(fields:interfaces:)``.
    public init(
        _ name: String,
        description: String? = nil,
        fields: [FieldDefinition] = [],
        interfaces: [InterfaceType] = [],
        isTypeOf: IsTypeOf? = nil,
        astNode: SDLNode<ObjectTypeDefinitionNode>? = nil,
        extensionASTNodes: [SDLNode<ObjectTypeDefinitionNode>] = []
    ) {
        self.name = name
        self.description = description
        self.fieldSet = FieldSet(fields: fields, interfaces: interfaces)
        self.isTypeOf = isTypeOf
        self.astNode = astNode
        self.extensionASTNodes = extensionASTNodes
    }

    /// The directives applied in SDL by the definition and then its extensions.
    public var appliedDirectives: [DirectiveNode] { SDLNode.directives(astNode, extensionASTNodes) }

    /// Build phase only: sets the `isTypeOf` test.
    public func attach(isTypeOf: @escaping IsTypeOf) {
        self.isTypeOf = isTypeOf
    }
}
