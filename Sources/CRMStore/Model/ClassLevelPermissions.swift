/// The operations a class-level permission governs (Parse's CLP keys).
public enum ClassOperation: String, Sendable, Hashable, CaseIterable {
    case get, find, count, create, update, delete, addField
}

/// Who may perform one operation on a class.
public struct OperationPermission: Sendable, Hashable {
    /// `"*": true`.
    public var isPublic: Bool
    /// `"requiresAuthentication": true`: any logged-in user.
    public var requiresAuthentication: Bool
    /// User objectIds granted the operation.
    public var userIds: Set<String>
    /// Role names granted the operation (`"role:Name"` keys, stored without the prefix).
    public var roleNames: Set<String>
    /// `pointerFields`: Pointer<_User> columns that grant the operation to the user they point at.
    public var pointerFields: [String]

    public init(isPublic: Bool = false, requiresAuthentication: Bool = false, userIds: Set<String> = [],
                roleNames: Set<String> = [], pointerFields: [String] = []) {
        self.isPublic = isPublic
        self.requiresAuthentication = requiresAuthentication
        self.userIds = userIds
        self.roleNames = roleNames
        self.pointerFields = pointerFields
    }

    /// `{"*": true}`.
    public static let open = OperationPermission(isPublic: true)
    /// `{}`: master key only.
    public static let closed = OperationPermission()
    /// `{"requiresAuthentication": true}`.
    public static let authenticated = OperationPermission(requiresAuthentication: true)
}

/// Class-level permissions of one class, with Parse's semantics: an operation missing from a
/// stored CLP is closed (master only); `readUserFields`/`writeUserFields` add pointer permissions
/// to get/find/count and update/delete; `protectedFields` hide fields per principal.
public struct ClassLevelPermissions: Sendable, Hashable {
    public var operations: [ClassOperation: OperationPermission]
    public var readUserFields: [String]
    public var writeUserFields: [String]
    /// Keys: `"*"`, `"authenticated"`, `"role:Name"`, a user objectId; values: field names.
    public var protectedFields: [String: [String]]

    public init(operations: [ClassOperation: OperationPermission], readUserFields: [String] = [],
                writeUserFields: [String] = [], protectedFields: [String: [String]] = [:]) {
        self.operations = operations
        self.readUserFields = readUserFields
        self.writeUserFields = writeUserFields
        self.protectedFields = protectedFields
    }

    /// What Parse uses for a class without a stored CLP: everything public.
    public static let publicAccess = ClassLevelPermissions(
        operations: Dictionary(uniqueKeysWithValues: ClassOperation.allCases.map { ($0, .open) }))

    /// The permission of an operation; a missing entry is closed.
    public func permission(for operation: ClassOperation) -> OperationPermission {
        var permission = operations[operation] ?? .closed
        switch operation {
        case .get, .find, .count: permission.pointerFields += readUserFields
        case .update, .delete: permission.pointerFields += writeUserFields
        case .create, .addField: break
        }
        return permission
    }
}
