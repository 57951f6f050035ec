/// protectedFields (Parse semantics): the rule sets that apply to the caller are `*`, then
/// `authenticated` when logged in, each held `role:<Name>` and the user's id; the hidden set is
/// their intersection (the most permissive applicable rule wins). Master sees everything; a user
/// reading their own `_User` row sees all of it.
struct ProtectedFields: Sendable {
    /// Fields hidden from this caller on this class.
    let hidden: Set<String>
    /// `_User` only: the caller's own row is never stripped.
    let exemptObjectId: String?

    init(definition: ClassDefinition, context: AccessContext, defaults: [String: [String: [String]]]) {
        var rules = definition.permissions.protectedFields
        for (key, fields) in defaults[definition.name] ?? [:] { rules[key, default: []] += fields }
        exemptObjectId = definition.isUserClass ? context.userId : nil
        guard !context.isMaster else {
            hidden = []
            return
        }
        var applicable: [Set<String>] = []
        if let everyone = rules["*"] { applicable.append(Set(everyone)) }
        if let userId = context.userId {
            if let authenticated = rules["authenticated"] { applicable.append(Set(authenticated)) }
            if let own = rules[userId] { applicable.append(Set(own)) }
            for role in context.roleNames { if let set = rules["role:" + role] { applicable.append(Set(set)) } }
        }
        hidden = applicable.dropFirst().reduce(applicable.first ?? []) { $0.intersection($1) }
    }

    /// Nothing hidden: the union projection of a read for several callers, whose columns are
    /// guarded per caller instead (``SharedReadPlan``).
    static let none = ProtectedFields(hidden: [], exemptObjectId: nil)

    private init(hidden: Set<String>, exemptObjectId: String?) {
        self.hidden = hidden
        self.exemptObjectId = exemptObjectId
    }

    /// Refuses a protected field in a where or order (Parse: 119 for queries on protected fields).
    func checkQueryable(_ field: String, className: String) throws(StoreError) {
        if hidden.contains(field) {
            throw StoreError.forbidden("This user is not allowed to query \(field) on class \(className)")
        }
    }

    /// Whether a field is stripped from the row with this objectId.
    func hides(_ field: String, objectId: String) -> Bool {
        hidden.contains(field) && objectId != exemptObjectId
    }
}
