/// The syntax a schema element was built from (graphql-js `astNode` and `extensionASTNodes`),
/// with the source it was parsed from: errors about the element point into that source, and
/// tools read the directives applied to it.
///
/// The source travels with the node because a schema may combine several documents
/// (``extendSchema(_:sdl:validate:options:)``). A class, so that the value types holding one
/// (input values, enum values, directives) stay small and cheap to copy.
public final class SDLNode<Node: SDLSyntax>: Sendable {
    /// The definition or extension.
    public let node: Node
    /// The document text `node` was parsed from.
    public let source: Source

    /// A node of `source`.
    public init(_ node: Node, in source: Source) {
        self.node = node
        self.source = source
    }

    /// Where the node starts.
    public var location: SourceLocation { source.location(of: node.loc.start) }

    /// Where a node inside this one starts.
    public func location(of inner: Location) -> SourceLocation { source.location(of: inner.start) }

    /// Where the node starts, for resolving together with others.
    var position: SourcePosition { SourcePosition(source: source, offset: node.loc.start) }

    /// Where a node inside this one starts, for resolving together with others.
    func position(of inner: Location) -> SourcePosition { SourcePosition(source: source, offset: inner.start) }
}

/// A type-system definition that applies directives (spec 3.13 `Directives[Const]`).
public protocol SDLSyntax: Sendable {
    /// The range of the definition.
    var loc: Location { get }
    /// The directives applied to it, in document order.
    var directives: [DirectiveNode] { get }
}

extension SchemaDefinitionNode: SDLSyntax {}
extension ScalarTypeDefinitionNode: SDLSyntax {}
extension ObjectTypeDefinitionNode: SDLSyntax {}
extension InterfaceTypeDefinitionNode: SDLSyntax {}
extension UnionTypeDefinitionNode: SDLSyntax {}
extension EnumTypeDefinitionNode: SDLSyntax {}
extension EnumValueDefinitionNode: SDLSyntax {}
extension InputObjectTypeDefinitionNode: SDLSyntax {}
extension FieldDefinitionNode: SDLSyntax {}
extension InputValueDefinitionNode: SDLSyntax {}

extension DirectiveDefinitionNode: SDLSyntax {
    /// A directive definition applies none (spec 3.13 DirectiveDefinition).
    public var directives: [DirectiveNode] { [] }
}

extension SDLNode {
    /// The directives applied by a definition and then by its extensions, in document order.
    static func directives(_ definition: SDLNode?, _ extensions: [SDLNode]) -> [DirectiveNode] {
        (definition.map { [$0] } ?? []).flatMap(\.node.directives) + extensions.flatMap(\.node.directives)
    }
}

extension DirectiveNode {
    /// The literal given for argument `name`, if any (not coerced; no default applied).
    public func argument(named name: String) -> ValueNode? {
        arguments.first { $0.name.value == name }?.value
    }
}
