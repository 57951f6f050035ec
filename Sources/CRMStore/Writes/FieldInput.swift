import Foundation

/// What a create or update does to one field.
public indirect enum FieldInput: Sendable, Hashable {
    /// Sets the value. Pointers: `.pointer(className:objectId:)`, or `.string(objectId)` for a
    /// single-target pointer (the `link` of the API).
    case set(FieldValue)
    /// Unsets the field (`null` in the API).
    case unset
    /// Adds to a Number field atomically (`COALESCE(field, 0) + amount`).
    case increment(Double)
    /// Parse `Add` (JSON array text of the objects): appends them to an Array field atomically; on
    /// create, the array itself.
    case add(String)
    /// Parse `AddUnique`: appends the objects the array lacks, each once, in the order given; on
    /// create, the objects without repeats.
    case addUnique(String)
    /// Parse `Remove`: removes every occurrence of each object from an Array field; on create, `[]`.
    case remove(String)
    /// Creates the target object in the same transaction and points at it (`createAndLink`);
    /// `className` picks the class of a polymorphic pointer (nil for single-target pointers).
    case createAndLink(className: String?, fields: [String: FieldInput], acl: ACL?)
}

/// The outcome of a create or update.
public struct WriteResult: Sendable, Hashable {
    public let objectId: String
    public let createdAt: Date
    public let updatedAt: Date
    /// The object as the caller may read it after the write; nil when the caller cannot read it
    /// (e.g. an ACL without read access for the caller), although the write succeeded.
    public let object: StoredObject?
}

/// A validated write to one field, ready to become SQL.
enum Assignment {
    case value(FieldDefinition, FieldValue)
    case unset(FieldDefinition)
    case increment(FieldDefinition, Double)
    /// Array operations with the validated JSON array text of their objects.
    case add(FieldDefinition, String)
    case addUnique(FieldDefinition, String)
    case remove(FieldDefinition, String)
    case nested(FieldDefinition, className: String, fields: [String: FieldInput], acl: ACL?)
    /// `_User.password` in clear text, as validated; replaced by ``passwordHash(_:)`` before SQL.
    case password(String)
    /// The bcrypt hash of a new `_User.password`.
    case passwordHash(String)
}
