// Directive definitions (spec 3.13) and the directives a schema document applies: graphql-js's
// KnownDirectives, UniqueDirectivesPerLocation, KnownArgumentNamesOnDirectives,
// UniqueArgumentNames and ProvidedRequiredArgumentsOnDirectives for SDL, plus the input
// coercion of the argument values.

extension SchemaBuilder {
    /// Builds the document's directive definitions and returns the schema's directives: the base
    /// schema's then the document's, or, building from scratch, the document's then the specified
    /// ones it does not redefine (graphql-js `buildASTSchema`).
    mutating func makeDirectives() -> [DirectiveDefinition] {
        let inherited = base?.directives.map { $0.replacingTypes { replaced($0) } } ?? DirectiveDefinition.specified
        for directive in inherited { directives[directive.name] = directive }
        var made: [DirectiveDefinition] = []
        for node in directiveNodes {
            let name = node.name.value
            let arguments = uniqueMembers(node.arguments, \.name, subject: { "Argument \"@\(name)(\($0):)\"" })
            let directive = DirectiveDefinition(
                name, description: node.description?.value,
                locations: node.locations.compactMap { DirectiveLocation(rawValue: $0.value) },
                arguments: arguments.compactMap { inputValue($0, subject: "Argument \"@\(name)(\($0.name.value):)\"") },
                isRepeatable: node.repeatable, astNode: sdl(node))
            directives[name] = directive
            made.append(directive)
        }
        if base != nil { return inherited + made }
        return made + inherited.filter { directive in !made.contains { $0.name == directive.name } }
    }

    /// Checks every directive the document applies, at its location.
    mutating func checkAppliedDirectives() {
        var schemaSeen: [String: DirectiveNode] = [:]
        for node in [schemaDefinition].compactMap({ $0 }) + schemaExtensions {
            check(node.directives, at: .schema, seen: &schemaSeen)
        }
        // The document's types, then its extensions of the base schema's types.
        let defined = Set(definitions.map(\.name.value))
        let extended = extensions.filter { !defined.contains($0.key) && !$0.value.isEmpty }.values.sorted { $0[0].loc.start < $1[0].loc.start }
        for group in definitions.map(nodes(of:)) + extended {
            var seen: [String: DirectiveNode] = [:]
            for node in group {
                check(node.directives, at: node.directiveLocation, seen: &seen)
                switch node {
                case .object(let object): checkFields(object.fields)
                case .interface(let interface): checkFields(interface.fields)
                case .enum(let enumeration): for value in enumeration.values { check(value.directives, at: .enumValue) }
                case .inputObject(let input): for field in input.fields { check(field.directives, at: .inputFieldDefinition) }
                case .scalar, .union: break
                }
            }
        }
        for node in directiveNodes {
            for argument in node.arguments { check(argument.directives, at: .argumentDefinition) }
        }
    }

    private mutating func checkFields(_ fields: [FieldDefinitionNode]) {
        for field in fields {
            check(field.directives, at: .fieldDefinition)
            for argument in field.arguments { check(argument.directives, at: .argumentDefinition) }
        }
    }

    private mutating func check(_ nodes: [DirectiveNode], at location: DirectiveLocation) {
        var seen: [String: DirectiveNode] = [:]
        check(nodes, at: location, seen: &seen)
    }

    private mutating func check(_ nodes: [DirectiveNode], at location: DirectiveLocation, seen: inout [String: DirectiveNode]) {
        for node in nodes {
            let name = node.name.value
            guard let directive = directives[name] else {
                report("Unknown directive \"@\(name)\".", node.loc)
                continue
            }
            if !directive.locations.contains(location) {
                report("Directive \"@\(name)\" may not be used on \(location.rawValue).", node.loc)
            }
            if !directive.isRepeatable {
                if let earlier = seen[name] {
                    report("The directive \"@\(name)\" can only be used once at this location.", earlier.loc, node.loc)
                } else {
                    seen[name] = node
                }
            }
            checkArguments(of: node, against: directive)
        }
    }

    private mutating func checkArguments(of node: DirectiveNode, against directive: DirectiveDefinition) {
        let name = directive.name
        let arguments = unique(node.arguments, \.name) { "There can be only one argument named \"\($0)\"." }
        for argument in arguments {
            guard let definition = directive.argument(named: argument.name.value) else {
                let suggestions = suggestionList(argument.name.value, directive.arguments.map(\.name))
                report("Unknown argument \"\(argument.name.value)\" on directive \"@\(name)\"." + didYouMean(suggestions),
                       argument.loc)
                continue
            }
            if definition.type.isInputType, coerceLiteral(argument.value, to: definition.type, variables: [:]) == nil {
                report("Argument \"@\(name)(\(definition.name):)\" has invalid value: \(invalidLiteralMessage(argument.value, definition.type))",
                       argument.value.loc)
            }
        }
        for definition in directive.arguments where definition.isRequired {
            if !arguments.contains(where: { $0.name.value == definition.name }) {
                report("Directive \"@\(name)\" argument \"\(definition.name)\" of type \"\(definition.type)\" is required, but it was not provided.", node.loc)
            }
        }
    }

    /// The reason of an applied `@deprecated`: its `reason`, or the default one; nil when absent
    /// or when the reason is an explicit null (as graphql-js reads it).
    func deprecationReason(_ nodes: [DirectiveNode]) -> String? {
        guard let node = nodes.first(where: { $0.name.value == DirectiveDefinition.deprecated.name }) else { return nil }
        switch node.arguments.first(where: { $0.name.value == "reason" })?.value {
        case nil: return DirectiveDefinition.defaultDeprecationReason
        case .string(let reason)?: return reason.value
        default: return nil
        }
    }

    /// Whether `@oneOf` applies.
    func isOneOf(_ nodes: [DirectiveNode]) -> Bool {
        nodes.contains { $0.name.value == DirectiveDefinition.oneOf.name }
    }

    /// The `url` of an applied `@specifiedBy`.
    func specifiedByURL(_ nodes: [DirectiveNode]) -> String? {
        let node = nodes.first { $0.name.value == DirectiveDefinition.specifiedBy.name }
        if case .string(let url)? = node?.arguments.first(where: { $0.name.value == "url" })?.value { return url.value }
        return nil
    }
}

extension TypeDefinitionNode {
    /// Where directives on this definition stand (spec 3.13 TypeSystemDirectiveLocation).
    var directiveLocation: DirectiveLocation {
        switch self {
        case .scalar: .scalar
        case .object: .object
        case .interface: .interface
        case .union: .union
        case .enum: .enum
        case .inputObject: .inputObject
        }
    }
}
