// Type system definitions and extensions (spec section 3). An extension reuses the node of the
// definition it extends (see `DefinitionNode.typeExtension`).

/// Spec: SchemaDefinition : Description? schema Directives[Const]? { RootOperationTypeDefinition+ }
/// and SchemaExtension (where the operation types may be absent).
public struct SchemaDefinitionNode: Sendable, Hashable {
    public var description: StringValueNode?
    public var directives: [DirectiveNode]
    public var operationTypes: [OperationTypeDefinitionNode]
    public var loc: Location
}

/// Spec: RootOperationTypeDefinition : OperationType : NamedType
public struct OperationTypeDefinitionNode: Sendable, Hashable {
    public var operation: OperationType
    public var type: NamedTypeNode
    public var loc: Location
}

/// Spec: TypeDefinition : ScalarTypeDefinition | ObjectTypeDefinition | InterfaceTypeDefinition
/// | UnionTypeDefinition | EnumTypeDefinition | InputObjectTypeDefinition
public enum TypeDefinitionNode: Sendable, Hashable {
    case scalar(ScalarTypeDefinitionNode)
    case object(ObjectTypeDefinitionNode)
    case interface(InterfaceTypeDefinitionNode)
    case union(UnionTypeDefinitionNode)
    case `enum`(EnumTypeDefinitionNode)
    case inputObject(InputObjectTypeDefinitionNode)

    /// The defined type's name.
    public var name: NameNode {
        switch self {
        case .scalar(let node): node.name
        case .object(let node): node.name
        case .interface(let node): node.name
        case .union(let node): node.name
        case .enum(let node): node.name
        case .inputObject(let node): node.name
        }
    }

    /// The type's directives.
    public var directives: [DirectiveNode] {
        switch self {
        case .scalar(let node): node.directives
        case .object(let node): node.directives
        case .interface(let node): node.directives
        case .union(let node): node.directives
        case .enum(let node): node.directives
        case .inputObject(let node): node.directives
        }
    }

    /// The type's description; always `nil` on extensions.
    public var description: StringValueNode? {
        switch self {
        case .scalar(let node): node.description
        case .object(let node): node.description
        case .interface(let node): node.description
        case .union(let node): node.description
        case .enum(let node): node.description
        case .inputObject(let node): node.description
        }
    }

    /// The range of the definition.
    public var loc: Location {
        switch self {
        case .scalar(let node): node.loc
        case .object(let node): node.loc
        case .interface(let node): node.loc
        case .union(let node): node.loc
        case .enum(let node): node.loc
        case .inputObject(let node): node.loc
        }
    }
}

/// Spec: ScalarTypeDefinition : Description? scalar Name Directives[Const]?
public struct ScalarTypeDefinitionNode: Sendable, Hashable {
    public var description: StringValueNode?
    public var name: NameNode
    public var directives: [DirectiveNode]
    public var loc: Location
}

/// Spec: ObjectTypeDefinition : Description? type Name ImplementsInterfaces? Directives[Const]?
/// FieldsDefinition?
public struct ObjectTypeDefinitionNode: Sendable, Hashable {
    public var description: StringValueNode?
    public var name: NameNode
    public var interfaces: [NamedTypeNode]
    public var directives: [DirectiveNode]
    public var fields: [FieldDefinitionNode]
    public var loc: Location
}

/// Spec: InterfaceTypeDefinition : Description? interface Name ImplementsInterfaces?
/// Directives[Const]? FieldsDefinition?
public struct InterfaceTypeDefinitionNode: Sendable, Hashable {
    public var description: StringValueNode?
    public var name: NameNode
    public var interfaces: [NamedTypeNode]
    public var directives: [DirectiveNode]
    public var fields: [FieldDefinitionNode]
    public var loc: Location
}

/// Spec: FieldDefinition : Description? Name ArgumentsDefinition? : Type Directives[Const]?
public struct FieldDefinitionNode: Sendable, Hashable {
    public var description: StringValueNode?
    public var name: NameNode
    public var arguments: [InputValueDefinitionNode]
    public var type: TypeNode
    public var directives: [DirectiveNode]
    public var loc: Location
}

/// Spec: InputValueDefinition : Description? Name : Type DefaultValue? Directives[Const]?
public struct InputValueDefinitionNode: Sendable, Hashable {
    public var description: StringValueNode?
    public var name: NameNode
    public var type: TypeNode
    /// A constant value.
    public var defaultValue: ValueNode?
    public var directives: [DirectiveNode]
    public var loc: Location
}

/// Spec: UnionTypeDefinition : Description? union Name Directives[Const]? UnionMemberTypes?
public struct UnionTypeDefinitionNode: Sendable, Hashable {
    public var description: StringValueNode?
    public var name: NameNode
    public var directives: [DirectiveNode]
    public var types: [NamedTypeNode]
    public var loc: Location
}

/// Spec: EnumTypeDefinition : Description? enum Name Directives[Const]? EnumValuesDefinition?
public struct EnumTypeDefinitionNode: Sendable, Hashable {
    public var description: StringValueNode?
    public var name: NameNode
    public var directives: [DirectiveNode]
    public var values: [EnumValueDefinitionNode]
    public var loc: Location
}

/// Spec: EnumValueDefinition : Description? EnumValue Directives[Const]?
public struct EnumValueDefinitionNode: Sendable, Hashable {
    public var description: StringValueNode?
    public var name: NameNode
    public var directives: [DirectiveNode]
    public var loc: Location
}

/// Spec: InputObjectTypeDefinition : Description? input Name Directives[Const]?
/// InputFieldsDefinition?
public struct InputObjectTypeDefinitionNode: Sendable, Hashable {
    public var description: StringValueNode?
    public var name: NameNode
    public var directives: [DirectiveNode]
    public var fields: [InputValueDefinitionNode]
    public var loc: Location
}

/// Spec: DirectiveDefinition : Description? directive @ Name ArgumentsDefinition? repeatable?
/// on DirectiveLocations
public struct DirectiveDefinitionNode: Sendable, Hashable {
    public var description: StringValueNode?
    /// The name without the `@`.
    public var name: NameNode
    public var arguments: [InputValueDefinitionNode]
    public var repeatable: Bool
    /// The locations as written; the parser accepts only names of `DirectiveLocation`.
    public var locations: [NameNode]
    public var loc: Location
}
