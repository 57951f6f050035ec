import CRMStore

/// A small model of the access rules, written apart from the store (reference §1-3): used by the
/// randomized test to compute what each caller must see.
struct AccessModel {
    /// A CLP rule for one operation.
    enum Rule: CaseIterable, Hashable {
        case open, authenticated, closed, firstUser, firstRole, pointer
    }

    struct Object {
        let id: String
        var readers: Set<String>?          // nil = no ACL = public
        var assignedTo: String?
        var company: String?
        var amount: Double
    }

    var userIds: [String]
    var roleNames: [String]
    var memberships: [String: Set<String>] = [:]   // role -> users
    var contains: [String: Set<String>] = [:]      // role -> child roles whose holders inherit it

    /// Parse: roles whose users contain the user, then every role containing a held role, until nothing changes.
    func roles(of user: String) -> Set<String> {
        var held = Set(roleNames.filter { memberships[$0, default: []].contains(user) })
        var changed = true
        while changed {
            changed = false
            for parent in roleNames where !held.contains(parent) && !contains[parent, default: []].isDisjoint(with: held) {
                held.insert(parent)
                changed = true
            }
        }
        return held
    }

    enum Caller: Hashable { case master, anonymous, user(String) }

    func principals(_ caller: Caller) -> Set<String> {
        guard case .user(let id) = caller else { return ["*"] }
        return Set(["*", id] + roles(of: id).map { "role:" + $0 })
    }

    enum Decision: Equatable { case all, onlyAssigned, error(ParseErrorCode) }

    func decide(_ rule: Rule, _ caller: Caller) -> Decision {
        if caller == .master { return .all }
        let principals = principals(caller)
        switch rule {
        case .open: return .all
        case .closed: return .error(.operationForbidden)
        case .authenticated: return caller == .anonymous ? .error(.objectNotFound) : .all
        case .firstUser: return principals.contains(userIds[0]) ? .all : .error(.operationForbidden)
        case .firstRole: return principals.contains("role:" + roleNames[0]) ? .all : .error(.operationForbidden)
        case .pointer: return .onlyAssigned
        }
    }

    func visible(_ object: Object, _ caller: Caller, _ decision: Decision) -> Bool {
        switch decision {
        case .error: return false
        case .onlyAssigned:
            guard case .user(let id) = caller, object.assignedTo == id else { return false }
        case .all: break
        }
        if caller == .master { return true }
        guard let readers = object.readers else { return true }
        return !readers.isDisjoint(with: principals(caller))
    }
}
