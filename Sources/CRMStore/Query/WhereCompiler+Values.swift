import Foundation
import PostgresClient

extension WhereCompiler {
    /// Binds a value compared with a field, after checking its type (111 on mismatch).
    mutating func bind(_ value: FieldValue, for field: ResolvedField) throws(StoreError) -> String {
        if case .string(let text) = value { _ = try ValueValidation.text(text, field: field.name) }
        switch (field.type, value) {
        case (.string, .string), (.number, .number), (.boolean, .bool), (.date, .date):
            return parameters.bind(value.postgresValue)
        case (.object, .object(let json)), (.array, .array(let json)):
            return parameters.bind(.jsonb(try ValueValidation.text(json, field: field.name))) + "::jsonb"
        case (.pointer, .string(let id)):
            return parameters.bind(.text(id))
        case (.pointer, .pointer(let className, let id)):
            try checkPointerClass(className, field: field)
            return parameters.bind(.text(id))
        default:
            throw mismatch(field)
        }
    }

    /// The text form of one list element (bound in a `text[]` and cast to the column type; dates in
    /// the form `.timestamptz` binds, so `in` matches exactly what `equalTo` does).
    func listElement(_ value: FieldValue, for field: ResolvedField) throws(StoreError) -> String {
        if case .string(let text) = value { _ = try ValueValidation.text(text, field: field.name) }
        switch (field.type, value) {
        case (.string, .string(let text)), (.pointer, .string(let text)): return text
        case (.pointer, .pointer(let className, let id)):
            try checkPointerClass(className, field: field)
            return id
        case (.number, .number(let number)): return number.isNaN ? "NaN" : "\(number)"
        case (.boolean, .bool(let flag)): return flag ? "true" : "false"
        case (.date, .date(let date)): return DateText.postgres(date)
        case (.object, .object(let json)), (.array, .array(let json)): return try ValueValidation.text(json, field: field.name)
        default: throw mismatch(field)
        }
    }

    /// A JSON array operand (`contains`, `containedBy`), bound as jsonb.
    mutating func jsonArray(_ json: String, for field: ResolvedField) throws(StoreError) -> String {
        let text = try ValueValidation.text(json, field: field.name)
        guard text.first(where: { !$0.isWhitespace }) == "[" else { throw mismatch(field) }
        return parameters.bind(.jsonb(text)) + "::jsonb"
    }

    func checkPointerClass(_ className: String, field: ResolvedField) throws(StoreError) {
        guard field.definition?.targetClasses.contains(className) == true else { throw mismatch(field) }
    }

    func mismatch(_ field: ResolvedField) -> StoreError {
        StoreError.incorrectType("Invalid value for \(field.name): expected \(field.type.rawValue).")
    }

    func unsupported(_ operation: String, _ field: ResolvedField) -> StoreError {
        StoreError.invalidQuery("\(operation) is not supported on \(field.name) (\(field.type.rawValue)).")
    }
}
