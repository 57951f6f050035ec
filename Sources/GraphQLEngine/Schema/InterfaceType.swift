/// An interface type (spec 3.7); it may implement other interfaces.
public final class InterfaceType: @unchecked Sendable {
    /// The type name.
    public let name: String
    /// The description.
    public let description: String?
    /// Names the concrete object type of a resolved value.
    public private(set) var resolveType: ResolveType?
    private var table: FieldTable<FieldDefinition>
    /// The interfaces this interface implements.
    public private(set) var interfaces: [InterfaceType]

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
        self.table = FieldTable(fields, name: \.name)
        self.interfaces = interfaces
        self.resolveType = resolveType
    }

    /// The fields in definition order.
    public var fields: [FieldDefinition] { table.ordered }

    /// The field `name`.
    public func field(named name: String) -> FieldDefinition? { table[name] }

    /// Build phase only: replaces the fields (and the interfaces, when given).
    public func define(fields: [FieldDefinition], interfaces: [InterfaceType]? = nil) {
        table = FieldTable(fields, name: \.name)
        if let interfaces { self.interfaces = interfaces }
    }

    /// Build phase only: sets `resolveType`.
    public func attach(resolveType: @escaping ResolveType) {
        self.resolveType = resolveType
    }
}
