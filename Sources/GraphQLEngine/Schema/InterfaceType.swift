/// An interface type (spec 3.7); it may implement other interfaces.
public final class InterfaceType: ImplementingType, @unchecked Sendable {
    public let name: String
    public let description: String?
    public let fieldSet: FieldSet
    /// Names the concrete object type of a resolved value.
    public private(set) var resolveType: ResolveType?

    /// An interface type; fields can also be given later with ``define(fields:interfaces:)``.
    public init(
        _ name: String,
        description: String? = nil,
        fields: [FieldDefinition] = [],
        interfaces: [InterfaceType] = [],
        resolveType: ResolveType? = nil
    ) {
        self.name = name
        self.description = description
        self.fieldSet = FieldSet(fields: fields, interfaces: interfaces)
        self.resolveType = resolveType
    }

    /// Build phase only: sets `resolveType`.
    public func attach(resolveType: @escaping ResolveType) {
        self.resolveType = resolveType
    }
}
