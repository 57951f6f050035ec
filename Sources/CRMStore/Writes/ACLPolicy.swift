/// The CRM's ACL rules for writes (docs/SECURITY.md "This CRM's default policy"):
/// - without an ACL input, a new object gets the class's default ACL (creator, roles, `_User`
///   self, and the users its Pointer<_User> policy fields point at);
/// - an ACL input replaces the ACL;
/// - whenever a write sets a policy pointer (Deal.assignedTo), that user gains its access;
/// - a non-master write of a `_User` ACL always keeps the user's own read/write (as Parse).
enum ACLPolicy {
    static func initialACL(explicit: ACL?, definition: ClassDefinition, objectId: String,
                           context: AccessContext, assignments: [Assignment]) -> ACL? {
        let policy = definition.defaultACL
        var acl: ACL
        if let explicit {
            acl = explicit
        } else {
            acl = ACL()
            if let creator = policy.creator, let userId = context.userId {
                acl.grant(.user(userId), read: creator.read, write: creator.write)
            }
            if let selfAccess = policy.selfAccess { acl.grant(.user(objectId), read: selfAccess.read, write: selfAccess.write) }
            for (role, access) in policy.roles { acl.grant(.role(role), read: access.read, write: access.write) }
            if acl.readers.isEmpty && acl.writers.isEmpty && pointerGrants(definition, assignments).isEmpty {
                return nil
            }
        }
        return adjusted(acl, definition: definition, objectId: objectId, context: context, assignments: assignments)
    }

    /// An ACL given on update, with the grants the policy adds.
    static func replacement(_ acl: ACL, definition: ClassDefinition, objectId: String, context: AccessContext,
                            assignments: [Assignment]) -> ACL {
        adjusted(acl, definition: definition, objectId: objectId, context: context, assignments: assignments)
    }

    private static func adjusted(_ acl: ACL, definition: ClassDefinition, objectId: String, context: AccessContext,
                                 assignments: [Assignment]) -> ACL {
        var acl = acl
        for (userId, access) in pointerGrants(definition, assignments) {
            acl.grant(.user(userId), read: access.read, write: access.write)
        }
        if definition.isUserClass && !context.isMaster { acl.grant(.user(objectId), read: true, write: true) }
        return acl
    }

    /// Users that policy pointer fields set by this write point at, with their access.
    static func pointerGrants(_ definition: ClassDefinition, _ assignments: [Assignment]) -> [(String, DefaultACLPolicy.Access)] {
        assignments.compactMap { assignment in
            guard case .value(let field, .pointer(_, let userId)) = assignment,
                  let access = definition.defaultACL.pointers[field.name] else { return nil }
            return (userId, access)
        }
    }
}
