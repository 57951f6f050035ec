/// A union type (spec 3.8).
public final class UnionType: @unchecked Sendable {
    /// The type name.
    public let name: String
    /// The description.
    public let description: String?
    /// Names the concrete object type of a resolved value.
    public private(set) var resolveType: ResolveType?
    /// The member types, in declaration order.
    public private(set) var members: [ObjectType]

    /// A union type.
    public init(
        _ name: String,
        description: String? = nil,
        members: [ObjectType] = [],
        resolveType: ResolveType? = nil
    ) {
        self.name = name
        self.description = description
        self.members = members
        self.resolveType = resolveType
    }

    /// Build phase only: replaces the member types.
    public func define(members: [ObjectType]) {
        self.members = members
    }

    /// Build phase only: sets `resolveType`.
    public func attach(resolveType: @escaping ResolveType) {
        self.resolveType = resolveType
    }
}
