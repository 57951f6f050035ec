/// Prints a schema as SDL in graphql-js's `printSchema` format: the schema definition only when a
/// root type has a non-default name (or the schema has a description), then the directives and
/// types that are not built in, in the schema's order; descriptions as block strings;
/// `@deprecated`, `@specifiedBy` and `@oneOf` where they apply.
///
/// `printSchema(buildSchema(sdl: printSchema(s)))` equals `printSchema(s)`.
public func printSchema(_ schema: GraphQLSchema) -> String {
    let directives = schema.directives.filter { !$0.isSpecified }
    let types = schema.types.filter { !$0.isBuiltIn }
    let parts = [SchemaPrinter.schemaDefinition(schema)].compactMap { $0 }
        + directives.map(SchemaPrinter.directive) + types.map(SchemaPrinter.type)
    return parts.joined(separator: "\n\n")
}

extension NamedType {
    /// A specified scalar or an introspection type: part of every schema, never printed.
    public var isBuiltIn: Bool {
        switch self {
        case .scalar(let scalar): return scalar.builtIn != nil
        case .object, .enum: return Introspection.isIntrospectionType(self)
        default: return false
        }
    }
}

/// The printing rules of graphql-js's `printSchema`, one function per kind of definition.
enum SchemaPrinter {
    static func schemaDefinition(_ schema: GraphQLSchema) -> String? {
        let roots: [(OperationType, ObjectType?)] = [
            (.query, schema.queryType), (.mutation, schema.mutationType), (.subscription, schema.subscriptionType),
        ]
        let hasDefaultNames = roots.allSatisfy { operation, type in
            type.map { $0.name == operation.rawValue.prefix(1).uppercased() + operation.rawValue.dropFirst() } ?? true
        }
        if schema.description == nil && hasDefaultNames { return nil }
        let lines = roots.compactMap { operation, type in type.map { "  \(operation.rawValue): \($0.name)" } }
        return description(schema.description) + "schema {\n" + lines.joined(separator: "\n") + "\n}"
    }

    static func directive(_ directive: DirectiveDefinition) -> String {
        description(directive.description) + "directive @" + directive.name + arguments(directive.arguments)
            + (directive.isRepeatable ? " repeatable" : "") + " on "
            + directive.locations.map(\.rawValue).joined(separator: " | ")
    }

    static func type(_ type: NamedType) -> String {
        switch type {
        case .scalar(let scalar):
            let url = scalar.specifiedByURL.map { " @specifiedBy(url: \(Printer.quoted($0)))" } ?? ""
            return description(scalar.description) + "scalar " + scalar.name + url
        case .object(let object):
            return description(object.description) + "type " + object.name + implements(object.interfaces)
                + fields(object.fields)
        case .interface(let interface):
            return description(interface.description) + "interface " + interface.name
                + implements(interface.interfaces) + fields(interface.fields)
        case .union(let union):
            let members = union.members.isEmpty ? "" : " = " + union.members.map(\.name).joined(separator: " | ")
            return description(union.description) + "union " + union.name + members
        case .enum(let enumeration):
            let values = enumeration.values.enumerated().map { index, value in
                description(value.description, indentation: "  ", first: index == 0) + "  " + value.name
                    + deprecated(value.deprecationReason)
            }
            return description(enumeration.description) + "enum " + enumeration.name + block(values)
        case .inputObject(let input):
            let fields = input.fields.enumerated().map { index, field in
                description(field.description, indentation: "  ", first: index == 0) + "  " + inputValue(field)
            }
            return description(input.description) + "input " + input.name + (input.isOneOf ? " @oneOf" : "")
                + block(fields)
        }
    }

    private static func implements(_ interfaces: [InterfaceType]) -> String {
        interfaces.isEmpty ? "" : " implements " + interfaces.map(\.name).joined(separator: " & ")
    }

    private static func fields(_ fields: [FieldDefinition]) -> String {
        block(fields.enumerated().map { index, field in
            description(field.description, indentation: "  ", first: index == 0) + "  " + field.name
                + arguments(field.arguments, indentation: "  ") + ": " + field.type.description
                + deprecated(field.deprecationReason)
        })
    }

    private static func block(_ items: [String]) -> String {
        items.isEmpty ? "" : " {\n" + items.joined(separator: "\n") + "\n}"
    }

    /// Arguments on one line when none has a description (an empty one counts as none, as in
    /// graphql-js), otherwise one per line.
    private static func arguments(_ arguments: [InputValueDefinition], indentation: String = "") -> String {
        if arguments.isEmpty { return "" }
        if arguments.allSatisfy({ $0.description?.isEmpty ?? true }) {
            return "(" + arguments.map(inputValue).joined(separator: ", ") + ")"
        }
        let lines = arguments.enumerated().map { index, argument in
            description(argument.description, indentation: "  " + indentation, first: index == 0)
                + "  " + indentation + inputValue(argument)
        }
        return "(\n" + lines.joined(separator: "\n") + "\n" + indentation + ")"
    }

    private static func inputValue(_ value: InputValueDefinition) -> String {
        var text = value.name + ": " + value.type.description
        if let defaultValue = value.defaultValue, let literal = value.type.literal(for: defaultValue) {
            text += " = " + Printer.value(literal)
        }
        return text + deprecated(value.deprecationReason)
    }

    private static func deprecated(_ reason: String?) -> String {
        guard let reason else { return "" }
        if reason == DirectiveDefinition.defaultDeprecationReason { return " @deprecated" }
        return " @deprecated(reason: \(Printer.quoted(reason)))"
    }

    /// A description above what it describes: a block string when it can be one, indented, with
    /// a blank line before it inside a block unless it describes the first item.
    private static func description(_ text: String?, indentation: String = "", first: Bool = true) -> String {
        guard let text else { return "" }
        let literal = Printer.stringValue(StringValueNode(value: text, block: isPrintableAsBlockString(text), loc: .none))
        let prefix = !indentation.isEmpty && !first ? "\n" + indentation : indentation
        return prefix + literal.replacing("\n", with: "\n" + indentation) + "\n"
    }
}

/// graphql-js `isPrintableAsBlockString`: whether a block string would give back `value`
/// exactly (no control characters, carriage returns, leading or trailing blank lines, or
/// indentation common to all lines).
func isPrintableAsBlockString(_ value: String) -> Bool {
    if value.isEmpty { return true }
    var isEmptyLine = true
    var hasIndent = false
    var hasCommonIndent = true
    var seenNonEmptyLine = false
    for unit in value.utf8 {
        switch unit {
        case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x0D:
            return false
        case 0x0A:
            if isEmptyLine && !seenNonEmptyLine { return false }
            seenNonEmptyLine = true
            isEmptyLine = true
            hasIndent = false
        case 0x09, 0x20:
            if isEmptyLine { hasIndent = true }
        default:
            if !hasIndent { hasCommonIndent = false }
            isEmptyLine = false
        }
    }
    if isEmptyLine { return false }
    if hasCommonIndent && seenNonEmptyLine { return false }
    return true
}
