extension ValidationContext {
    /// Spec 5.6.3 Input Object Field Uniqueness: "For each input object value objectValue in the
    /// document, for every inputField in objectValue: let name be the Name of inputField. Let
    /// fields be all Input Object Fields named name in objectValue. fields must be the set
    /// containing only inputField."
    mutating func checkUniqueInputFieldNames(_ fields: [ObjectFieldNode]) {
        forEachRepeatedName(count: fields.count, name: { fields[$0].name.value }) { first, position in
            report("There can be only one input field named \"\(fields[position].name.value)\".",
                   at: [fields[first].name.loc, fields[position].name.loc])
        }
    }
}
