/// A directive definition (spec 3.13).
public struct DirectiveDefinition: Sendable {
    /// The name without `@`.
    public let name: String
    /// The description.
    public let description: String?
    /// Where the directive may appear.
    public let locations: [DirectiveLocation]
    /// The arguments in definition order.
    public let arguments: [InputValueDefinition]
    /// Whether it may appear more than once at one location.
    public let isRepeatable: Bool
    /// The definition, for a directive built from SDL.
    public let astNode: SDLNode<DirectiveDefinitionNode>?

    /// A directive definition.
    public init(
        _ name: String,
        description: String? = nil,
        locations: [DirectiveLocation],
        arguments: [InputValueDefinition] = [],
        isRepeatable: Bool = false,
        astNode: SDLNode<DirectiveDefinitionNode>? = nil
    ) {
        self.name = name
        self.description = description
        self.locations = locations
        self.arguments = arguments
        self.isRepeatable = isRepeatable
        self.astNode = astNode
    }

    /// The same directive with its argument types replaced.
    func replacingTypes(_ replace: (TypeReference) -> TypeReference) -> DirectiveDefinition {
        DirectiveDefinition(
            name, description: description, locations: locations,
            arguments: arguments.map { $0.replacingType(replace) }, isRepeatable: isRepeatable, astNode: astNode)
    }

    /// The argument `name`.
    public func argument(named name: String) -> InputValueDefinition? {
        arguments.first { $0.name == name }
    }

    /// True for the directives of the specification.
    public var isSpecified: Bool {
        DirectiveDefinition.specified.contains { $0.name == name }
    }
}

extension DirectiveDefinition {
    /// The reason `@deprecated` uses when none is given.
    public static let defaultDeprecationReason = "No longer supported"

    /// `@skip(if: Boolean!)` (spec 3.13.2).
    public static let skip = DirectiveDefinition(
        "skip",
        description: "Directs the executor to skip this field or fragment when the `if` argument is true.",
        locations: [.field, .fragmentSpread, .inlineFragment],
        arguments: [InputValueDefinition("if", type: .nonNull(.scalar(.boolean)), description: "Skipped when true.")]
    )

    /// `@include(if: Boolean!)` (spec 3.13.3).
    public static let include = DirectiveDefinition(
        "include",
        description: "Directs the executor to include this field or fragment only when the `if` argument is true.",
        locations: [.field, .fragmentSpread, .inlineFragment],
        arguments: [InputValueDefinition("if", type: .nonNull(.scalar(.boolean)), description: "Included when true.")]
    )

    /// `@deprecated(reason: String = "No longer supported")` (spec 3.13.4).
    public static let deprecated = DirectiveDefinition(
        "deprecated",
        description: "Marks an element of a GraphQL schema as no longer supported.",
        locations: [.fieldDefinition, .argumentDefinition, .inputFieldDefinition, .enumValue],
        arguments: [
            InputValueDefinition(
                "reason",
                type: .scalar(.string),
                description: "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).",
                defaultValue: .string(defaultDeprecationReason)
            ),
        ]
    )

    /// `@specifiedBy(url: String!)` (spec 3.13.5).
    public static let specifiedBy = DirectiveDefinition(
        "specifiedBy",
        description: "Exposes a URL that specifies the behavior of this scalar.",
        locations: [.scalar],
        arguments: [
            InputValueDefinition("url", type: .nonNull(.scalar(.string)), description: "The URL that specifies the behavior of this scalar."),
        ]
    )

    /// `@oneOf` on input objects (September 2025 edition).
    public static let oneOf = DirectiveDefinition(
        "oneOf",
        description: "Indicates exactly one field must be supplied and this field must not be `null`.",
        locations: [.inputObject]
    )

    /// The directives of the specification, which every schema has.
    public static let specified: [DirectiveDefinition] = [include, skip, deprecated, specifiedBy, oneOf]
}
