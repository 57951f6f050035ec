extension ValidationContext {
    /// Spec 5.7.1 Directives Are Defined and 5.7.2 Directives Are in Valid Locations: "For every
    /// directive in a document, let directiveName be the name of directive. A directive
    /// definition named directiveName must exist. ... If directive is within a document, the
    /// location of directive must be one of the locations of its definition."
    mutating func checkKnownDirective(_ directive: DirectiveNode, definition: DirectiveDefinition?, location: DirectiveLocation) {
        guard let definition else {
            report("Unknown directive \"@\(directive.name.value)\".", at: [directive.loc])
            return
        }
        if !definition.locations.contains(location) {
            report("Directive \"@\(directive.name.value)\" may not be used on \(location.rawValue).", at: [directive.loc])
        }
    }
}
