extension ValidationContext {
    /// Spec 5.4.2 Argument Uniqueness: "For each argument in the Document, let argumentName be
    /// the Name of argument. Let arguments be all Arguments named argumentName in the Argument
    /// Set which contains argument. arguments must be the set containing only argument."
    mutating func checkUniqueArgumentNames(_ arguments: [ArgumentNode]) {
        forEachDuplicateNameGroup(count: arguments.count, name: { arguments[$0].name.value }) { positions in
            report("There can be only one argument named \"\(arguments[positions[0]].name.value)\".",
                   at: positions.map { arguments[$0].name.loc })
        }
    }
}
