extension ResponseSerializer {
    /// Spec 6.4.3 CompleteValue for leaves: result coercion, with the built-in scalars written
    /// directly when the value already has the right form.
    mutating func writeLeaf(_ value: GraphQLValue, _ leaf: LeafKind, _ field: FieldPlan) -> Bool {
        let scalar: ScalarType
        switch leaf {
        case .builtIn(let kind, let type):
            switch (kind, value) {
            case (.string, .string(let s)), (.id, .string(let s)):
                writer.writeString(s)
                return true
            case (.int, .int(let i)) where i >= Int(Int32.min) && i <= Int(Int32.max):
                writer.writeInt(i)
                return true
            case (.float, .float(let d)) where d.isFinite:
                writer.writeDouble(d)
                return true
            case (.float, .int(let i)):
                writer.writeInt(i)
                return true
            case (.boolean, .boolean(let b)):
                writer.writeBool(b)
                return true
            default:
                scalar = type
            }
        case .custom(let type):
            scalar = type
        case .enum(let enumType):
            do {
                writer.writeString(try enumType.serialize(value))
                return true
            } catch {
                record(error, at: field)
                return false
            }
        }
        do {
            writeJSON(try scalar.serialize(value))
            return true
        } catch {
            record(graphQLError(from: error), at: field)
            return false
        }
    }

    /// A plain value as JSON (what a custom scalar serializes to); host objects have no JSON form
    /// and become null.
    mutating func writeJSON(_ value: GraphQLValue) {
        _ = writer.writeValue(value)
    }
}
