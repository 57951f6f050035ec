/// An object type (spec 3.6).
///
/// Fields may refer back to this type (directly or through others), so they may be set after
/// initialisation with ``define(fields:interfaces:)``: during the build phase only.
public final class ObjectType: @unchecked Sendable {
    /// The type name.
    public let name: String
    /// The description.
    public let description: String?
    /// Decides whether a resolved value is of this type, for abstract fields without `resolveType`.
    public private(set) var isTypeOf: IsTypeOf?
    private var table: FieldTable<FieldDefinition>
    /// The interfaces this type implements, in declaration order.
    public private(set) var interfaces: [InterfaceType]

    /// An object type; fields can also be given later with ``define(fields:interfaces:)``.
    public init(
        _ name: String,
        description: String? = nil,
        fields: [FieldDefinition] = [],
        interfaces: [InterfaceType] = [],
        isTypeOf: IsTypeOf? = nil
    ) {
        self.name = name
        self.description = description
        self.table = FieldTable(fields, name: \.name)
        self.interfaces = interfaces
        self.isTypeOf = isTypeOf
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

    /// Build phase only: sets the `isTypeOf` test.
    public func attach(isTypeOf: @escaping IsTypeOf) {
        self.isTypeOf = isTypeOf
    }

    /// Build phase only: sets the resolver of field `fieldName`; false when there is no such field.
    @discardableResult
    public func attach(_ resolver: FieldResolver, to fieldName: String) -> Bool {
        guard let field = field(named: fieldName) else { return false }
        field.attach(resolver)
        return true
    }
}
