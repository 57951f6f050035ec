import APICore
import CRMStore
import GraphQLEngine

/// The parts of Parse LiveQuery that speak Parse's JSON, beside the REST API that speaks it too:
/// a subscription's `query` as a ``LiveFilter`` (the same where translation as a find) and an
/// event's objects as Parse's LiveQuery server sends them. The socket protocol itself is the
/// transport's (DealGraphServer).
extension ParseRESTService {
    /// The filter of `{"className", "where"}` for a caller with `access`: an unknown class, field
    /// or operator is refused as a find would refuse it.
    public func liveFilter(className: String, where value: GraphQLValue?, access: AccessContext) throws(ParseError) -> LiveFilter {
        let definition: ClassDefinition
        do {
            definition = try store.model.require(className)
        } catch {
            throw ParseError(error)
        }
        return LiveFilter(className: className, clause: try translation.clause(value, on: definition), context: access)
    }

    /// `object` as LiveQuery sends it: `className`, `objectId`, `createdAt`, `updatedAt`, `ACL`
    /// and its fields in Parse's encoding (pointers as pointers, never expanded); with `keys`, only
    /// those fields besides the first five.
    public static func liveObject(_ object: StoredObject, keys: Set<String>?) -> GraphQLValue {
        guard case .object(let encoded) = ObjectJSON.encode(object) else { return .null }
        var fields: [(String, GraphQLValue)] = [("className", .string(object.className))]
        for (name, value) in encoded.fields {
            if let keys, !Self.alwaysSent.contains(name), !keys.contains(name) { continue }
            fields.append((name, value))
        }
        return .object(Record(fields: fields))
    }

    private static let alwaysSent: Set<String> = ["objectId", "createdAt", "updatedAt", "ACL"]
}
