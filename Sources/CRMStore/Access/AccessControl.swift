/// The access decision for one operation on one class, and the ONE place where the row-level
/// predicate is written. Every read, count, nested load, sub-filter, update and delete asks here.
///
/// Order of checks (docs/SECURITY.md): the class-level permission first (119, or 101 for a
/// `requiresAuthentication` denial), then pointer permissions, then the ACL predicate on `_rperm`
/// (reads) or `_wperm` (writes), with the caller's principals as one `text[]` parameter.
struct AccessFilter: Sendable {
    enum Column: String { case read = "_rperm", write = "_wperm" }

    let context: AccessContext
    let column: Column
    /// Pointer permissions restricting the rows (CLP `pointerFields`/`readUserFields`/...), nil when
    /// the CLP grants the operation outright.
    let pointerFields: [String]?

    /// The SQL condition a row of `alias` must satisfy, or nil when none (master key).
    func predicate(alias: String, parameters: inout SQLParameters) -> String? {
        if context.isMaster { return nil }
        var conditions: [String] = []
        if let pointerFields {
            guard let userId = context.userId, !pointerFields.isEmpty else { return "FALSE" }
            let user = parameters.bind(.text(userId))
            conditions.append("(" + pointerFields.map { "\(SQL.column(alias, $0)) = \(user)" }.joined(separator: " OR ") + ")")
        }
        let acl = SQL.column(alias, column.rawValue)
        conditions.append("(\(acl) IS NULL OR \(acl) && \(parameters.bind(texts: context.storedPrincipals)))")
        return conditions.joined(separator: " AND ")
    }

    /// `WHERE`-ready form: the predicate, or TRUE.
    func condition(alias: String, parameters: inout SQLParameters) -> String {
        predicate(alias: alias, parameters: &parameters) ?? "TRUE"
    }
}

enum AccessControl {
    /// Checks the class-level permission of `operation` and returns the row filter to apply.
    static func authorize(_ operation: ClassOperation, on definition: ClassDefinition,
                          context: AccessContext) throws(StoreError) -> AccessFilter {
        let column: AccessFilter.Column = switch operation {
        case .update, .delete: .write
        default: .read
        }
        if context.isMaster { return AccessFilter(context: context, column: column, pointerFields: nil) }
        let permission = definition.permissions.permission(for: operation)
        let principals = context.principals
        let granted = permission.isPublic
            || context.userId.map { permission.userIds.contains($0) } == true
            || permission.roleNames.contains { principals.contains(.role($0)) }
        if granted { return AccessFilter(context: context, column: column, pointerFields: nil) }
        if permission.requiresAuthentication {
            guard context.userId != nil else {
                throw StoreError(code: .objectNotFound, "Permission denied, user needs to be authenticated.")
            }
            return AccessFilter(context: context, column: column, pointerFields: nil)
        }
        // Pointer permissions cannot grant create or addField (Parse: create is then always denied).
        if !permission.pointerFields.isEmpty, operation != .create, operation != .addField {
            let pointers = permission.pointerFields.filter { definition.field($0)?.type == .pointer }
            return AccessFilter(context: context, column: column, pointerFields: pointers)
        }
        throw StoreError.forbidden("Permission denied for action \(operation.rawValue) on class \(definition.name).")
    }
}
