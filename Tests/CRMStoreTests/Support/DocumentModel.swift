@testable import CRMStore

/// The bundled model has no Array or Object field: this one adds `Note` (title, tags: Array,
/// meta: Object), open to everyone, for the tests of JSON-valued fields.
enum DocumentModel {
    static func make() throws -> ClassModel {
        let note = ClassDefinition(name: "Note", fields: [
            FieldDefinition(name: "title", type: .string),
            FieldDefinition(name: "tags", type: .array),
            FieldDefinition(name: "meta", type: .object),
        ])
        return try ClassModel(classes: ClassModel.bundled().classes + [note])
    }
}
