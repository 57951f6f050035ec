import Foundation

/// One object as read from the database, with typed values.
///
/// `fields` holds only fields that are set (NULL columns are absent), only those that were selected
/// (projection) and never a field the caller may not see (protectedFields, write-only fields).
public struct StoredObject: Sendable, Hashable {
    public let className: String
    public let objectId: String
    public let createdAt: Date
    public let updatedAt: Date
    /// nil: no ACL stored, i.e. public read and write.
    public let acl: ACL?
    public var fields: [String: FieldValue]

    public init(className: String, objectId: String, createdAt: Date, updatedAt: Date, acl: ACL?,
                fields: [String: FieldValue]) {
        self.className = className
        self.objectId = objectId
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.acl = acl
        self.fields = fields
    }

    /// The value of a field, or nil when unset, unselected or hidden.
    public subscript(field: String) -> FieldValue? { fields[field] }
}
