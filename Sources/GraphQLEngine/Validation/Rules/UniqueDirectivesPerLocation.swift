extension ValidationContext {
    /// Spec 5.7.3 Directives Are Unique per Location: "For each directive in directives: let
    /// directiveName be the name of directive. Let namedDirectives be the set of all directives
    /// named directiveName in directives. If directive is not repeatable, namedDirectives must be
    /// a set of one."
    mutating func checkUniqueDirectivesPerLocation(_ directives: [DirectiveNode]) {
        guard directives.count > 1 else { return }
        forEachRepeatedName(count: directives.count, name: { directives[$0].name.value }) { first, position in
            let name = directives[position].name.value
            guard let definition = schema.directive(named: name), !definition.isRepeatable else { return }
            report("The directive \"@\(name)\" can only be used once at this location.",
                   at: [directives[first].loc, directives[position].loc])
        }
    }
}
