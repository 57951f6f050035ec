import CRMStore
import GraphQLEngine

/// Parse's ACL JSON (REST API, LiveQuery): principal -> permissions,
/// `{"*":{"read":true},"Ab3dEf9hIj":{"read":true,"write":true},"role:Admin":{"write":true}}`.
/// A permission that is absent or `false` is not granted.
public enum ACLJSON {
    /// The ACL of its JSON; 123 "Invalid ACL." for anything that is not that shape (a key that is
    /// no principal, a permission that is not a Boolean, an unknown permission name).
    public static func decode(_ value: GraphQLValue) throws(ParseError) -> ACL {
        guard case .object(let entries) = value else { throw .invalidACL() }
        var acl = ACL()
        for (key, permissions) in entries.fields {
            guard let principal = Principal(stored: key), case .object(let granted) = permissions else { throw .invalidACL() }
            var read = false, write = false
            for (name, flag) in granted.fields {
                guard case .boolean(let allowed) = flag else { throw .invalidACL() }
                switch name {
                case "read": read = allowed
                case "write": write = allowed
                default: throw .invalidACL()
                }
            }
            acl.grant(principal, read: read, write: write)
        }
        return acl
    }

    /// The JSON of an ACL, principals in sorted order, only granted permissions written.
    public static func encode(_ acl: ACL) -> GraphQLValue {
        var fields: [(String, GraphQLValue)] = []
        for principal in acl.readers.union(acl.writers).sorted() {
            var permissions: [(String, GraphQLValue)] = []
            if acl.readers.contains(principal) { permissions.append(("read", true)) }
            if acl.writers.contains(principal) { permissions.append(("write", true)) }
            fields.append((principal.stored, .object(Record(fields: permissions))))
        }
        return .object(Record(fields: fields))
    }
}
