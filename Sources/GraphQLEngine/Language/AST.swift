// The abstract syntax tree of GraphQL documents (spec section 2, "Language", and section 3,
// "Type System"). Node names follow graphql-js (`FieldNode`, `SelectionSetNode`, ...).
//
// Every node is a value type carrying its `Location`. Equality ignores locations (see `Location`).

/// Spec: Document : Definition+
public struct DocumentNode: Sendable, Hashable {
    /// The definitions in source order.
    public var definitions: [DefinitionNode]
    /// The range of the whole document.
    public var loc: Location
    /// The text the document was parsed from, for turning locations into lines and columns.
    public var source: Source

    /// Creates a document; `source` matters only for error locations.
    public init(definitions: [DefinitionNode], loc: Location = .none, source: Source = Source("")) {
        self.definitions = definitions
        self.loc = loc
        self.source = source
    }

    /// Documents are equal when their definitions are; the source text does not take part.
    public static func == (lhs: DocumentNode, rhs: DocumentNode) -> Bool {
        lhs.definitions == rhs.definitions
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(definitions)
    }
}

/// Spec: Definition : ExecutableDefinition | TypeSystemDefinitionOrExtension
///
/// An extension (`extend type T ...`) uses the same node as the definition it extends; it never
/// has a description and its location starts at `extend`.
public enum DefinitionNode: Sendable, Hashable {
    /// An operation, including the `{ ... }` query shorthand.
    case operation(OperationDefinitionNode)
    /// `fragment Name on Type { ... }`
    case fragment(FragmentDefinitionNode)
    /// `schema { query: Query }`
    case schema(SchemaDefinitionNode)
    /// `extend schema ...`
    case schemaExtension(SchemaDefinitionNode)
    /// A named type definition.
    case type(TypeDefinitionNode)
    /// `extend scalar|type|interface|union|enum|input ...`
    case typeExtension(TypeDefinitionNode)
    /// `directive @name(...) repeatable on LOCATIONS`
    case directive(DirectiveDefinitionNode)

    /// The range of the definition.
    public var loc: Location {
        switch self {
        case .operation(let node): node.loc
        case .fragment(let node): node.loc
        case .schema(let node), .schemaExtension(let node): node.loc
        case .type(let node), .typeExtension(let node): node.loc
        case .directive(let node): node.loc
        }
    }

    /// Spec: ExecutableDefinition : OperationDefinition | FragmentDefinition
    public var isExecutable: Bool {
        switch self {
        case .operation, .fragment: true
        default: false
        }
    }
}

/// Spec: Name :: NameStart NameContinue* [lookahead != NameContinue]
public struct NameNode: Sendable, Hashable, CustomStringConvertible {
    /// The name text.
    public var value: String
    /// The range of the name.
    public var loc: Location

    public var description: String { value }
}

/// Spec: OperationType : one of `query` `mutation` `subscription`
public enum OperationType: String, Sendable, Hashable, CaseIterable {
    case query, mutation, subscription
}

/// Spec: OperationDefinition : Description? OperationType Name? VariablesDefinition? Directives?
/// SelectionSet | SelectionSet
public struct OperationDefinitionNode: Sendable, Hashable {
    /// A description (September 2025 edition); never present on the shorthand form.
    public var description: StringValueNode?
    /// `query` for the shorthand form.
    public var operation: OperationType
    public var name: NameNode?
    public var variableDefinitions: [VariableDefinitionNode]
    public var directives: [DirectiveNode]
    public var selectionSet: SelectionSetNode
    public var loc: Location
}

/// Spec: VariableDefinition : Description? Variable : Type DefaultValue? Directives[Const]?
public struct VariableDefinitionNode: Sendable, Hashable {
    /// A description (September 2025 edition).
    public var description: StringValueNode?
    public var variable: VariableNode
    public var type: TypeNode
    /// A constant value.
    public var defaultValue: ValueNode?
    public var directives: [DirectiveNode]
    public var loc: Location
}

/// Spec: Variable : $ Name
public struct VariableNode: Sendable, Hashable {
    /// The name without the `$`.
    public var name: NameNode
    /// The range including the `$`.
    public var loc: Location
}

/// Spec: SelectionSet : { Selection+ }
public struct SelectionSetNode: Sendable, Hashable {
    public var selections: [SelectionNode]
    public var loc: Location
}

/// Spec: Selection : Field | FragmentSpread | InlineFragment
public enum SelectionNode: Sendable, Hashable {
    case field(FieldNode)
    case fragmentSpread(FragmentSpreadNode)
    case inlineFragment(InlineFragmentNode)

    /// The range of the selection.
    public var loc: Location {
        switch self {
        case .field(let node): node.loc
        case .fragmentSpread(let node): node.loc
        case .inlineFragment(let node): node.loc
        }
    }

    /// The selection's directives.
    public var directives: [DirectiveNode] {
        switch self {
        case .field(let node): node.directives
        case .fragmentSpread(let node): node.directives
        case .inlineFragment(let node): node.directives
        }
    }
}

/// Spec: Field : Alias? Name Arguments? Directives? SelectionSet?
public struct FieldNode: Sendable, Hashable {
    public var alias: NameNode?
    public var name: NameNode
    public var arguments: [ArgumentNode]
    public var directives: [DirectiveNode]
    public var selectionSet: SelectionSetNode?
    public var loc: Location

    /// The response key: the alias when present, otherwise the field name.
    public var responseKey: String { alias?.value ?? name.value }
}

/// Spec: Argument : Name : Value
public struct ArgumentNode: Sendable, Hashable {
    public var name: NameNode
    public var value: ValueNode
    public var loc: Location
}

/// Spec: FragmentSpread : ... FragmentName Directives?
public struct FragmentSpreadNode: Sendable, Hashable {
    public var name: NameNode
    public var directives: [DirectiveNode]
    public var loc: Location
}

/// Spec: InlineFragment : ... TypeCondition? Directives? SelectionSet
public struct InlineFragmentNode: Sendable, Hashable {
    public var typeCondition: NamedTypeNode?
    public var directives: [DirectiveNode]
    public var selectionSet: SelectionSetNode
    public var loc: Location
}

/// Spec: FragmentDefinition : Description? fragment FragmentName TypeCondition Directives?
/// SelectionSet
public struct FragmentDefinitionNode: Sendable, Hashable {
    /// A description (September 2025 edition).
    public var description: StringValueNode?
    public var name: NameNode
    public var typeCondition: NamedTypeNode
    public var directives: [DirectiveNode]
    public var selectionSet: SelectionSetNode
    public var loc: Location
}

/// Spec: Directive : @ Name Arguments?
public struct DirectiveNode: Sendable, Hashable {
    /// The name without the `@`.
    public var name: NameNode
    public var arguments: [ArgumentNode]
    public var loc: Location
}
