/// The ACL a new object gets when the caller sets none (crm-classes.json `defaultACL`).
public struct DefaultACLPolicy: Sendable, Hashable {
    /// Access for the creating user (`"creator"`).
    public var creator: Access?
    /// Access for the new object itself (`"self"`, for `_User`).
    public var selfAccess: Access?
    /// Access by role name (`"roles"`).
    public var roles: [String: Access]
    /// Access for the users that Pointer<_User> fields point at (`"pointers"`, e.g. Deal.assignedTo);
    /// also granted when such a field is set by a later update.
    public var pointers: [String: Access]

    public init(creator: Access? = nil, selfAccess: Access? = nil, roles: [String: Access] = [:],
                pointers: [String: Access] = [:]) {
        self.creator = creator
        self.selfAccess = selfAccess
        self.roles = roles
        self.pointers = pointers
    }

    /// Read and/or write access, written `"r"`, `"w"` or `"rw"` in the model file.
    public struct Access: Sendable, Hashable {
        public var read: Bool
        public var write: Bool
        public init(read: Bool, write: Bool) {
            self.read = read
            self.write = write
        }

        init?(code: String) {
            guard !code.isEmpty, code.allSatisfy({ $0 == "r" || $0 == "w" }) else { return nil }
            self.init(read: code.contains("r"), write: code.contains("w"))
        }
    }
}
