/// The operand of ``FieldConstraint/inQueryKey(_:)`` and ``FieldConstraint/notInQueryKey(_:)``
/// (Parse `$select` / `$dontSelect`, API `SelectInput`): the values of `key` in the objects of
/// `className` that match `where` and that the caller may find.
public struct KeyQuery: Sendable, Hashable {
    /// The class read by the sub-query (the field's own class is fine).
    public var className: String
    /// Filter of the sub-query; nil matches every object the caller may find.
    public var `where`: WhereClause?
    /// The field whose values are collected: a queryable field of `className`, `objectId`,
    /// `createdAt` or `updatedAt`.
    public var key: String

    public init(className: String, where clause: WhereClause? = nil, key: String) {
        self.className = className
        self.where = clause
        self.key = key
    }
}
