/// A scalar type (spec 3.5): a leaf with its own result and input coercion.
///
/// - `serialize` turns a resolved value into the value written to the response (result coercion);
/// - `parseValue` coerces a variable value (input coercion from JSON);
/// - `parseLiteral` coerces a literal written in the document.
///
/// Each throws a ``GraphQLError`` (or any error, whose description is then used) when the value
/// cannot be represented.
public final class ScalarType: Sendable {
    /// Result coercion.
    public typealias Serialize = @Sendable (GraphQLValue) throws -> GraphQLValue
    /// Input coercion of a variable value.
    public typealias ParseValue = @Sendable (GraphQLValue) throws -> GraphQLValue
    /// Input coercion of a literal; the variables are those of the operation, for scalars whose
    /// literals may contain variables (a JSON scalar, say).
    public typealias ParseLiteral = @Sendable (ValueNode, _ variables: [String: GraphQLValue]) throws -> GraphQLValue

    /// The type name.
    public let name: String
    /// The description.
    public let description: String?
    /// The URL of the scalar's specification (`@specifiedBy`).
    public let specifiedByURL: String?
    /// Result coercion.
    public let serialize: Serialize
    /// Input coercion of variable values.
    public let parseValue: ParseValue
    /// Input coercion of literals.
    public let parseLiteral: ParseLiteral
    /// Which built-in scalar this is, for the executor's fast paths; nil for custom scalars.
    public let builtIn: BuiltInScalar?
    /// The definition, for a scalar built from SDL.
    public let astNode: SDLNode<ScalarTypeDefinitionNode>?
    /// The extensions applied to it (`extend scalar`).
    public let extensionASTNodes: [SDLNode<ScalarTypeDefinitionNode>]

    /// A custom scalar. Without functions, values pass through unchanged and literals are read as
    /// plain values (variables substituted) and handed to `parseValue`.
    public convenience init(
        _ name: String,
        description: String? = nil,
        specifiedByURL: String? = nil,
        serialize: Serialize? = nil,
        parseValue: ParseValue? = nil,
        parseLiteral: ParseLiteral? = nil,
        astNode: SDLNode<ScalarTypeDefinitionNode>? = nil,
        extensionASTNodes: [SDLNode<ScalarTypeDefinitionNode>] = []
    ) {
        let parseValue = parseValue ?? { $0 }
        self.init(
            name: name,
            description: description,
            specifiedByURL: specifiedByURL,
            serialize: serialize ?? { $0 },
            parseValue: parseValue,
            parseLiteral: parseLiteral ?? { literal, variables in
                try parseValue(untypedValue(of: literal, variables: variables))
            },
            builtIn: nil,
            astNode: astNode,
            extensionASTNodes: extensionASTNodes
        )
    }

    init(
        name: String,
        description: String?,
        specifiedByURL: String?,
        serialize: @escaping Serialize,
        parseValue: @escaping ParseValue,
        parseLiteral: @escaping ParseLiteral,
        builtIn: BuiltInScalar?,
        astNode: SDLNode<ScalarTypeDefinitionNode>? = nil,
        extensionASTNodes: [SDLNode<ScalarTypeDefinitionNode>] = []
    ) {
        self.name = name
        self.description = description
        self.specifiedByURL = specifiedByURL
        self.serialize = serialize
        self.parseValue = parseValue
        self.parseLiteral = parseLiteral
        self.builtIn = builtIn
        self.astNode = astNode
        self.extensionASTNodes = extensionASTNodes
    }

    /// The directives applied in SDL by the definition and then its extensions.
    public var appliedDirectives: [DirectiveNode] { SDLNode.directives(astNode, extensionASTNodes) }

    /// The same scalar (coercion included) with more extensions and, when given, another
    /// `specifiedByURL` (``extendSchema(_:sdl:validate:options:)``).
    func extended(by extensions: [SDLNode<ScalarTypeDefinitionNode>], specifiedByURL url: String?) -> ScalarType {
        ScalarType(
            name: name, description: description, specifiedByURL: url ?? specifiedByURL, serialize: serialize,
            parseValue: parseValue, parseLiteral: parseLiteral, builtIn: builtIn, astNode: astNode,
            extensionASTNodes: extensionASTNodes + extensions)
    }
}

/// The scalars every schema knows (spec 3.5.1-3.5.5).
public enum BuiltInScalar: String, Sendable, CaseIterable {
    case int = "Int"
    case float = "Float"
    case string = "String"
    case boolean = "Boolean"
    case id = "ID"
}

/// graphql-js `valueFromASTUntyped`: a literal as a plain value, variables replaced by their
/// values (an absent variable becomes null), enum names as strings.
public func untypedValue(of literal: ValueNode, variables: [String: GraphQLValue]) -> GraphQLValue {
    switch literal {
    case .variable(let v): return variables[v.name.value] ?? .null
    case .int(let text, _): return Int(text).map(GraphQLValue.int) ?? .float(Double(text) ?? .nan)
    case .float(let text, _): return .float(Double(text) ?? .nan)
    case .string(let s): return .string(s.value)
    case .boolean(let b, _): return .boolean(b)
    case .null: return .null
    case .enumValue(let name, _): return .string(name)
    case .list(let items, _): return .list(items.map { untypedValue(of: $0, variables: variables) })
    case .object(let fields, _):
        return .object(Record(fields: fields.map { ($0.name.value, untypedValue(of: $0.value, variables: variables)) }))
    }
}
