/// What object and interface types share (spec 3.6 "Objects" and 3.7 "Interfaces"): fields in
/// definition order, found by name, and the interfaces implemented (spec ImplementsInterfaces).
///
/// Fields may refer back to their own type (directly or through others), so they may be set
/// after initialisation with ``define(fields:interfaces:)``: during the build phase only.
public protocol ImplementingType: AnyObject, Sendable {
    /// The type name.
    var name: String { get }
    /// The description.
    var description: String? { get }
    /// The fields and interfaces.
    var fieldSet: FieldSet { get }
}

extension ImplementingType {
    /// The fields in definition order.
    public var fields: [FieldDefinition] { fieldSet.table.ordered }

    /// The interfaces this type implements, in declaration order.
    public var interfaces: [InterfaceType] { fieldSet.interfaces }

    /// The field `name`.
    public func field(named name: String) -> FieldDefinition? { fieldSet.table[name] }

    /// Build phase only: replaces the fields (and the interfaces, when given).
    public func define(fields: [FieldDefinition], interfaces: [InterfaceType]? = nil) {
        fieldSet.table = FieldTable(fields, name: \.name)
        if let interfaces { fieldSet.interfaces = interfaces }
    }

    /// Build phase only: sets the resolver of field `fieldName`; false when there is no such field.
    @discardableResult
    public func attach(_ resolver: FieldResolver, to fieldName: String) -> Bool {
        guard let field = field(named: fieldName) else { return false }
        field.attach(resolver)
        return true
    }
}

/// The storage behind ``ImplementingType``: one per object or interface type.
public final class FieldSet: @unchecked Sendable {
    fileprivate var table: FieldTable<FieldDefinition>
    fileprivate var interfaces: [InterfaceType]

    init(fields: [FieldDefinition], interfaces: [InterfaceType]) {
        table = FieldTable(fields, name: \.name)
        self.interfaces = interfaces
    }
}
